import { IngestExample } from '@/components/projects/ingest-example';
import { EmptyState } from '@/components/ui/empty-state';

export function RunsEmptyState({ slug }: { slug: string }) {
  return (
    <EmptyState title="No runs yet">
      <p className="mb-3">
        A run appears here as soon as a training job creates it with the project&apos;s API key. Create one and send a first metric
        point:
      </p>
      <IngestExample slug={slug} />
    </EmptyState>
  );
}
