import { CopyButton } from './copy-button';

/** A copyable block of shell or JSON. */
export function CodeBlock({ code, label, testId }: { code: string; label: string; testId?: string }) {
  return (
    <div className="relative rounded-md border border-zinc-800 bg-zinc-900">
      <div className="absolute right-2 top-2">
        <CopyButton text={code} label={`Copy ${label}`} />
      </div>
      <pre aria-label={label} className="overflow-x-auto p-3 pr-24 text-left font-mono text-xs leading-relaxed text-zinc-100">
        <code data-testid={testId}>{code}</code>
      </pre>
    </div>
  );
}
