import type { Metadata } from 'next';
import { PlanView } from '@/components/plan/plan-view';

export async function generateMetadata({ params }: PageProps<'/projects/[slug]/plan'>): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Plan · ${slug}` };
}

export default async function PlanPage({ params }: PageProps<'/projects/[slug]/plan'>) {
  const { slug } = await params;
  return <PlanView slug={slug} />;
}
