import type { Metadata } from 'next';
import { PaperView } from '@/components/papers/paper-view';
import { decodeRouteParam } from '@/lib/queries/urls';

export async function generateMetadata({ params }: PageProps<'/papers/[paper]'>): Promise<Metadata> {
  const { paper } = await params;
  return { title: decodeRouteParam(paper) };
}

export default async function PaperPage({ params }: PageProps<'/papers/[paper]'>) {
  const { paper } = await params;
  return <PaperView paperId={decodeRouteParam(paper)} />;
}
