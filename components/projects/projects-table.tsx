import Link from 'next/link';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, Td, Th } from '@/components/ui/table';
import { pageUrls } from '@/lib/queries/urls';
import type { Project } from '@/lib/schemas/project';
import { DemoBadge } from './demo-badge';

export function ProjectsTable({ projects }: { projects: readonly Project[] }) {
  return (
    <Table label="Projects">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Description</Th>
          <Th numeric>Runs</Th>
          <Th numeric>Updated</Th>
        </tr>
      </thead>
      <tbody>
        {projects.map((project) => (
          <tr key={project.id} className="hover:bg-zinc-50">
            <Td>
              <div className="flex items-center gap-2">
                <Link href={pageUrls.project(project.slug)} className="font-medium text-zinc-900 hover:text-accent-600 hover:underline">
                  {project.name}
                </Link>
                {project.isDemo && <DemoBadge />}
              </div>
              <div className="font-mono text-xs text-zinc-400">{project.slug}</div>
            </Td>
            <Td className="max-w-md text-zinc-600">
              <p className="line-clamp-2">{project.description || <span className="text-zinc-400">—</span>}</p>
            </Td>
            <Td numeric>{project.runCount}</Td>
            <Td numeric className="text-zinc-500">
              <RelativeTime iso={project.updatedAt} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
