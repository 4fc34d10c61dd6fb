import type { Metadata } from 'next';
import { ProjectsOverview } from '@/components/projects/projects-overview';
import { requirePageUser } from '@/lib/auth/page-access';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage() {
  await requirePageUser();
  return <ProjectsOverview />;
}
