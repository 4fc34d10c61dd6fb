import type { Metadata } from 'next';
import { CompareView } from '@/components/compare/compare-view';

export async function generateMetadata({ params }: PageProps<'/projects/[slug]/compare'>): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Compare runs · ${slug}` };
}

export default async function ComparePage({ params }: PageProps<'/projects/[slug]/compare'>) {
  const { slug } = await params;
  return <CompareView slug={slug} />;
}
