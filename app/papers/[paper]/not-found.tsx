'use client';

import { useParams } from 'next/navigation';
import { NotFoundMessage } from '@/components/ui/not-found-message';
import { decodeRouteParam } from '@/lib/queries/urls';

export default function PaperNotFound() {
  const params = useParams<{ paper: string }>();
  return (
    <NotFoundMessage title="Paper not found" backHref="/papers" backLabel="Back to papers">
      There is no paper “{decodeRouteParam(params.paper ?? '')}”. Reference papers are loaded by the database migration; a lab&apos;s papers
      appear once their CSV is imported.
    </NotFoundMessage>
  );
}
