'use client';

import { WebhooksPanel } from '@/components/webhooks/webhooks-panel';
import { ApiKeysPanel } from './api-keys-panel';
import { MembersPanel } from './members-panel';
import { useIsOwner } from './project-role';

export function ProjectAccessView({ slug }: { slug: string }) {
  const isOwner = useIsOwner();
  return (
    <div className="space-y-8">
      <MembersPanel slug={slug} />
      {isOwner ? <ApiKeysPanel slug={slug} /> : <p className="text-sm text-zinc-600">API keys are managed by the project&apos;s owners.</p>}
      {isOwner && <WebhooksPanel slug={slug} />}
    </div>
  );
}
