'use client';

import { useParams } from 'next/navigation';
import { NotFoundMessage } from '@/components/ui/not-found-message';
import { decodeRouteParam, pageUrls } from '@/lib/queries/urls';

export default function RunNotFound() {
  const params = useParams<{ slug: string; run: string }>();
  const slug = decodeRouteParam(params.slug ?? '');
  return (
    <NotFoundMessage title="Run not found" backHref={pageUrls.project(slug)} backLabel="Back to the project">
      There is no run “{decodeRouteParam(params.run ?? '')}” in project “{slug}”.
    </NotFoundMessage>
  );
}
