'use client';

import { Card } from '@/components/ui/card';
import { useCreateProject } from '@/lib/queries/projects';
import { ApiKeyNotice } from './api-key-notice';
import { NewProjectForm } from './new-project-form';

/** The create-project form, replaced after success by the one-time API key notice. */
export function NewProjectPanel({ onClose }: { onClose: () => void }) {
  const createProject = useCreateProject();
  return (
    <Card title="New project">
      {createProject.data ? (
        <ApiKeyNotice project={createProject.data.project} apiKey={createProject.data.apiKey} onDone={onClose} />
      ) : (
        <NewProjectForm
          onSubmit={(input) => createProject.mutate(input)}
          isSubmitting={createProject.isPending}
          error={createProject.error}
          onCancel={onClose}
          onEdit={() => {
            if (createProject.isError) createProject.reset();
          }}
        />
      )}
    </Card>
  );
}
