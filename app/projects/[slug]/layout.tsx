import { NotAMember } from '@/components/auth/not-a-member';
import { ProjectRoleProvider } from '@/components/projects/project-role';
import { ProjectTabs } from '@/components/projects/project-tabs';
import { requireProjectPageAccess } from '@/lib/auth/page-access';

export default async function ProjectLayout({ children, params }: LayoutProps<'/projects/[slug]'>) {
  const { slug } = await params;
  const access = await requireProjectPageAccess(slug);
  if (!access.allowed) return <NotAMember slug={slug} email={access.user.email} />;
  return (
    <ProjectRoleProvider value={{ role: access.role, viaShareLink: access.viaShareLink }}>
      <ProjectTabs slug={slug} />
      {children}
    </ProjectRoleProvider>
  );
}
