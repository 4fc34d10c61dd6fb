'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorNotice } from '@/components/ui/error-notice';
import { toRequestError, useCheckProjectKey } from '@/lib/queries/upload';

export const inputClasses =
  'block w-full rounded-md border-0 px-2.5 py-1.5 text-sm shadow-xs ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600';

/** Shows only the start and end of a key, so a screenshot or a screen share does not leak it. */
function maskKey(key: string): string {
  return key.length <= 10 ? '•'.repeat(key.length) : `${key.slice(0, 5)}…${key.slice(-4)}`;
}

/**
 * Asks once for the project's API key, checks it against the API (401 wrong key, 403 another
 * project's key, with the API's own message) and hands it up to be remembered for this tab.
 */
export function ApiKeyForm({ slug, apiKey, onChange }: { slug: string; apiKey: string | null; onChange: (key: string | null) => void }) {
  const [draft, setDraft] = useState('');
  const check = useCheckProjectKey(slug);

  if (apiKey) {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-700">
        <span>
          Writing with API key <code className="font-mono text-xs">{maskKey(apiKey)}</code> (remembered in this tab only).
        </span>
        <Button size="sm" variant="ghost" onClick={() => onChange(null)}>
          Forget key
        </Button>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key = draft.trim();
    if (!key) return;
    check.mutate(key, { onSuccess: () => (onChange(key), setDraft('')) });
  };

  return (
    <form onSubmit={submit} className="space-y-2">
      <label htmlFor={`upload-key-${slug}`} className="block text-sm font-medium text-zinc-800">
        Project API key
      </label>
      <div className="flex max-w-xl gap-2">
        <input
          id={`upload-key-${slug}`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="rb_…"
          aria-describedby={`upload-key-${slug}-hint`}
          className={`${inputClasses} font-mono`}
        />
        <Button type="submit" variant="primary" className="shrink-0 whitespace-nowrap" disabled={!draft.trim() || check.isPending}>
          {check.isPending ? 'Checking…' : 'Use key'}
        </Button>
      </div>
      <p id={`upload-key-${slug}-hint`} className="text-xs text-zinc-500">
        Uploads are writes, so they need the project&apos;s API key. The key is shown once when the project is created; keys start
        with <code className="font-mono">rb_</code>. It is kept for this browser tab only.
      </p>
      {draft.trim() && !draft.trim().startsWith('rb_') && <p className="text-xs text-amber-800">This does not look like a Reproboard key: keys start with rb_.</p>}
      {check.isError && <ErrorNotice error={toRequestError(check.error)} title="The key was not accepted" />}
    </form>
  );
}
