'use client';

import { useParams } from 'next/navigation';
import { NotFoundMessage } from '@/components/ui/not-found-message';
import { decodeRouteParam } from '@/lib/queries/urls';

export default function ProjectNotFound() {
  const params = useParams<{ slug: string }>();
  return (
    <NotFoundMessage title="Project not found">
      There is no project “{decodeRouteParam(params.slug ?? '')}”. It may have been renamed, or the link is mistyped.
    </NotFoundMessage>
  );
}
