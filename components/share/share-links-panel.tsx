'use client';

import { Button } from '@/components/ui/button';
import { DataState } from '@/components/ui/data-state';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorNotice } from '@/components/ui/error-notice';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, Td, Th } from '@/components/ui/table';
import { useRevokeShareLink, useShareLinks } from '@/lib/queries/share-links';
import type { ShareLink } from '@/lib/schemas/share-links';
import { ShareLinkStatusBadge } from './share-link-status-badge';

/**
 * The project's share links with their state and a Revoke action. Links are listed without their
 * URLs: the server keeps only a hash of each token, so a link can be copied only when it is made.
 */
export function ShareLinksPanel({ slug }: { slug: string }) {
  const links = useShareLinks(slug);
  const revoke = useRevokeShareLink(slug);
  return (
    <div className="space-y-2">
      {revoke.isError && <ErrorNotice error={revoke.error} title="Could not revoke the link" />}
      <DataState
        query={links}
        errorTitle="Could not load share links"
        isEmpty={(list) => list.length === 0}
        empty={<EmptyState title="No share links yet" />}
      >
        {(list) => (
          <Table label="Share links">
            <thead>
              <tr>
                <Th>View</Th>
                <Th>Created</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {list.map((link) => (
                <ShareLinkRow key={link.id} link={link} revoking={revoke.isPending && revoke.variables === link.id} onRevoke={() => revoke.mutate(link.id)} />
              ))}
            </tbody>
          </Table>
        )}
      </DataState>
    </div>
  );
}

function ShareLinkRow({ link, revoking, onRevoke }: { link: ShareLink; revoking: boolean; onRevoke: () => void }) {
  const label = link.title || link.viewPath;
  return (
    <tr data-testid="share-link-row">
      <Td className="max-w-xs">
        <p className="truncate font-medium text-zinc-900" title={label}>
          {label}
        </p>
        {link.title && (
          <p className="truncate font-mono text-xs text-zinc-500" title={link.viewPath}>
            {link.viewPath}
          </p>
        )}
      </Td>
      <Td>
        <RelativeTime iso={link.createdAt} />
      </Td>
      <Td>
        <ShareLinkStatusBadge status={link.status} />
        {link.status === 'active' && link.expiresAt && (
          <p className="mt-0.5 text-xs text-zinc-500">
            until <time dateTime={link.expiresAt}>{link.expiresAt.slice(0, 10)}</time>
          </p>
        )}
      </Td>
      <Td className="text-right">
        {link.status === 'active' && (
          <Button size="sm" onClick={onRevoke} disabled={revoking} aria-label={`Revoke share link ${label}`}>
            {revoking ? 'Revoking…' : 'Revoke'}
          </Button>
        )}
      </Td>
    </tr>
  );
}
