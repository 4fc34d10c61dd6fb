import type { Metadata } from 'next';
import { ProjectView } from '@/components/projects/project-view';

export async function generateMetadata({ params }: PageProps<'/projects/[slug]'>): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug };
}

export default async function ProjectPage({ params }: PageProps<'/projects/[slug]'>) {
  const { slug } = await params;
  return <ProjectView slug={slug} />;
}
