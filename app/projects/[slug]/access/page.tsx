import type { Metadata } from 'next';
import { ProjectAccessView } from '@/components/projects/project-access-view';

export const metadata: Metadata = { title: 'Members, keys and webhooks' };

export default async function ProjectAccessPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <ProjectAccessView slug={slug} />;
}
