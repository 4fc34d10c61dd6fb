import type { Metadata } from 'next';
import { PaperChartsView } from '@/components/paper-charts/paper-charts-view';

export async function generateMetadata({ params }: PageProps<'/projects/[slug]/charts'>): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Paper charts · ${slug}` };
}

export default async function PaperChartsPage({ params }: PageProps<'/projects/[slug]/charts'>) {
  const { slug } = await params;
  return <PaperChartsView slug={slug} />;
}
