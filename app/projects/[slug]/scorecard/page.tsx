import type { Metadata } from 'next';
import { ScorecardView } from '@/components/scorecard/scorecard-view';
import { isCanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import { DEFAULT_SCORECARD_METRIC } from '@/lib/schemas/scorecard';

export async function generateMetadata({ params }: PageProps<'/projects/[slug]/scorecard'>): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Scorecard · ${slug}` };
}

export default async function ScorecardPage({ params, searchParams }: PageProps<'/projects/[slug]/scorecard'>) {
  const [{ slug }, { metric }] = await Promise.all([params, searchParams]);
  return <ScorecardView slug={slug} metric={typeof metric === 'string' && isCanonicalMetricName(metric) ? metric : DEFAULT_SCORECARD_METRIC} />;
}
