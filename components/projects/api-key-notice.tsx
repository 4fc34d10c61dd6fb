import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { CodeBlock } from '@/components/ui/code-block';
import { Button } from '@/components/ui/button';
import { pageUrls } from '@/lib/queries/urls';
import type { Project } from '@/lib/schemas/project';
import { IngestExample } from './ingest-example';

/** Shown once after creating a project: the API key (never retrievable again) and how to use it. */
export function ApiKeyNotice({
  project,
  apiKey,
  onDone,
}: {
  project: Project;
  apiKey: { name: string; prefix: string; key: string };
  onDone: () => void;
}) {
  return (
    <div className="space-y-4 p-4" data-testid="api-key-notice">
      <div>
        <h3 className="text-sm font-semibold text-zinc-900">Project “{project.name}” created</h3>
        <p className="mt-0.5 text-sm text-zinc-600">
          Training jobs send runs to it with this API key ({apiKey.name}).
        </p>
      </div>
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        <strong>Copy it now, it will not be shown again.</strong> Reproboard stores only a hash of the key; if you lose it, create a
        new key for the project.
      </div>
      <div>
        <p className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-500">
          API key
        </p>
        <CodeBlock code={apiKey.key} label="API key" testId="api-key" />
      </div>
      <div>
        <p className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-500">Send a first run</p>
        <IngestExample slug={project.slug} apiKey={apiKey.key} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={pageUrls.project(project.slug)} className={buttonClasses('primary')}>
          Open project
        </Link>
        <Button variant="ghost" onClick={onDone}>
          I have stored the key
        </Button>
      </div>
    </div>
  );
}
