'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataState } from '@/components/ui/data-state';
import { EmptyState } from '@/components/ui/empty-state';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useProjects } from '@/lib/queries/projects';
import { NewProjectPanel } from './new-project-panel';
import { ProjectsTable } from './projects-table';

/** The home page: every project, and the form that creates one. */
export function ProjectsOverview() {
  const projects = useProjects();
  const [formOpen, setFormOpen] = useState(false);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Projects</h1>
          <p className="mt-1 text-sm text-zinc-600">Each project collects the runs of one reproduction effort.</p>
        </div>
        {!formOpen && (
          <Button variant="primary" onClick={() => setFormOpen(true)}>
            New project
          </Button>
        )}
      </div>
      {formOpen && <NewProjectPanel onClose={() => setFormOpen(false)} />}
      <Card title="All projects">
        <DataState
          query={projects}
          loading={<TableSkeleton rows={3} label="Loading projects" />}
          errorTitle="Could not load projects"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState title="No projects yet">
              <p>
                Create one with <strong>New project</strong>. You get an API key that your training jobs use to send runs, logs
                and metrics.
              </p>
            </EmptyState>
          }
        >
          {(list) => <ProjectsTable projects={list} />}
        </DataState>
      </Card>
    </div>
  );
}
