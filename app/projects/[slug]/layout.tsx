import { ProjectTabs } from '@/components/projects/project-tabs';

export default async function ProjectLayout({ children, params }: LayoutProps<'/projects/[slug]'>) {
  const { slug } = await params;
  return (
    <>
      <ProjectTabs slug={slug} />
      {children}
    </>
  );
}
