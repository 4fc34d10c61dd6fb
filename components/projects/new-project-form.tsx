'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorNotice } from '@/components/ui/error-notice';
import { ApiRequestError } from '@/lib/queries/api-request-error';
import { projectCreateSchema, type ProjectCreateInput } from '@/lib/schemas/project';

type Field = 'name' | 'slug' | 'description';
type FieldErrors = Partial<Record<Field, string>>;

const inputClasses =
  'block w-full rounded-md border-0 bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-accent-600 aria-invalid:ring-red-400';

function fieldErrorsOf(issues: readonly { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.replace(/^body\./, '').split('.')[0] as Field;
    if (field === 'name' || field === 'slug' || field === 'description') errors[field] ??= issue.message;
  }
  return errors;
}

/** Name, optional slug, optional description; validated with the API's own schema before sending. */
export function NewProjectForm({
  onSubmit,
  isSubmitting,
  error,
  onCancel,
  onEdit,
}: {
  onSubmit: (input: ProjectCreateInput) => void;
  /** Called on every edit, so a stale server error (a taken slug) clears once the value changes. */
  onEdit: () => void;
  isSubmitting: boolean;
  error: unknown;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Record<Field, string>>({ name: '', slug: '', description: '' });
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const apiErrors = error instanceof ApiRequestError ? fieldErrorsOf(error.issues) : {};
  const slugConflict = error instanceof ApiRequestError && error.code === 'conflict' ? error.message.replace(/^slug:\s*/, '') : undefined;
  const errors: FieldErrors = { ...apiErrors, ...(slugConflict ? { slug: slugConflict } : {}), ...localErrors };

  const update = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setLocalErrors((current) => ({ ...current, [field]: undefined }));
    onEdit();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = projectCreateSchema.safeParse({
      name: values.name,
      slug: values.slug.trim() || undefined,
      description: values.description.trim() || undefined,
    });
    if (!parsed.success) {
      setLocalErrors(fieldErrorsOf(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))));
      return;
    }
    setLocalErrors({});
    onSubmit(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4 p-4" aria-label="New project">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="project-name" label="Name" error={errors.name}>
          <input
            id="project-name"
            name="name"
            required
            autoFocus
            value={values.name}
            onChange={update('name')}
            placeholder="CLIPA reproduction"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'project-name-error' : undefined}
            className={inputClasses}
          />
        </FormField>
        <FormField id="project-slug" label="Slug (optional)" hint="Lowercase letters, digits and dashes; derived from the name if empty." error={errors.slug}>
          <input
            id="project-slug"
            name="slug"
            value={values.slug}
            onChange={update('slug')}
            placeholder="clipa-repro"
            aria-invalid={errors.slug ? true : undefined}
            aria-describedby={errors.slug ? 'project-slug-error' : 'project-slug-hint'}
            className={`${inputClasses} font-mono`}
          />
        </FormField>
      </div>
      <FormField id="project-description" label="Description (optional)" error={errors.description}>
        <textarea
          id="project-description"
          name="description"
          rows={2}
          value={values.description}
          onChange={update('description')}
          placeholder="H/14 at 84px, 2.56B samples, following the CLIPA paper's recipe"
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? 'project-description-error' : undefined}
          className={inputClasses}
        />
      </FormField>
      {error !== null && error !== undefined && !slugConflict && Object.keys(apiErrors).length === 0 && (
        <ErrorNotice error={error} title="Could not create the project" />
      )}
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Creating…' : 'Create project'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function FormField({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
