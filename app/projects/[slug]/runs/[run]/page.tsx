import type { Metadata } from 'next';
import { RunView } from '@/components/runs/run-view';
import { decodeRouteParam } from '@/lib/queries/urls';

export async function generateMetadata({ params }: PageProps<'/projects/[slug]/runs/[run]'>): Promise<Metadata> {
  const { slug, run } = await params;
  return { title: `${decodeRouteParam(run)} · ${slug}` };
}

export default async function RunPage({ params }: PageProps<'/projects/[slug]/runs/[run]'>) {
  const { slug, run } = await params;
  return <RunView slug={slug} runKey={decodeRouteParam(run)} />;
}
