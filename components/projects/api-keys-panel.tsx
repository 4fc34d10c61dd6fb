'use client';

import { useState, type FormEvent } from 'react';
import { authInputClasses } from '@/components/auth/text-field';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { DataState } from '@/components/ui/data-state';
import { ErrorNotice } from '@/components/ui/error-notice';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, Td, Th } from '@/components/ui/table';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '@/lib/queries/access';

/** Owners create ingestion keys (the secret is shown once), see when each was last used, and revoke them. */
export function ApiKeysPanel({ slug }: { slug: string }) {
  const keys = useApiKeys(slug, true);
  const revoke = useRevokeApiKey(slug);
  return (
    <section aria-labelledby="keys-heading" className="space-y-3">
      <h2 id="keys-heading" className="text-base font-semibold text-zinc-900">
        API keys
      </h2>
      <p className="text-xs text-zinc-600">
        Training machines send logs with a key (<code className="font-mono">reproboard watch --key …</code>). Only a hash is stored; a secret is
        shown once, when it is created.
      </p>
      {revoke.error && <ErrorNotice error={revoke.error} title="Could not revoke the key" />}
      <DataState query={keys} errorTitle="Could not load the API keys" isEmpty={(rows) => rows.length === 0} empty={<p className="text-sm text-zinc-600">No keys yet.</p>}>
        {(rows) => (
          <Table label="API keys">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Starts with</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((key) => (
                <tr key={key.id}>
                  <Td>{key.name}</Td>
                  <Td>
                    <code className="font-mono text-xs">{key.prefix}…</code>
                  </Td>
                  <Td>
                    <RelativeTime iso={key.createdAt} />
                  </Td>
                  <Td>{key.lastUsedAt ? <RelativeTime iso={key.lastUsedAt} /> : 'never'}</Td>
                  <Td>
                    {key.revokedAt ? (
                      <span className="text-zinc-500">revoked</span>
                    ) : (
                      <Button size="sm" variant="ghost" disabled={revoke.isPending} onClick={() => revoke.mutate(key.id)}>
                        Revoke {key.name}
                      </Button>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </DataState>
      <CreateKeyForm slug={slug} />
    </section>
  );
}

function CreateKeyForm({ slug }: { slug: string }) {
  const create = useCreateApiKey(slug);
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  const secret = create.data?.apiKey.key;
  return (
    <div className="space-y-2">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Create an API key">
        <label className="flex min-w-64 flex-col gap-1 text-xs font-medium text-zinc-700">
          Key name (e.g. the cluster)
          <input required maxLength={120} value={name} onChange={(event) => setName(event.target.value)} className={authInputClasses} />
        </label>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create key
        </Button>
      </form>
      {create.error && <ErrorNotice error={create.error} title="Could not create the key" />}
      {secret && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Copy the new key now: it is not shown again.</p>
          <div className="mt-1 flex items-center gap-2">
            <code className="break-all font-mono text-xs">{secret}</code>
            <CopyButton text={secret} />
          </div>
        </div>
      )}
    </div>
  );
}
