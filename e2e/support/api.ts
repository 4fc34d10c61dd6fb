/** Seeds browser tests through the public HTTP API, as a lab's training machine would. */
import type { APIRequestContext } from '@playwright/test';
import { createReproboardClient, type ReproboardClient } from '@/lib/client/reproboard-client';

let counter = 0;

export async function createTestProject(request: APIRequestContext, name: string) {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Date.now().toString(36)}-${counter++}`;
  const response = await request.post('/api/v1/projects', { data: { name, slug } });
  if (response.status() !== 201) throw new Error(`creating project failed: ${response.status()} ${await response.text()}`);
  const body = (await response.json()) as { project: { slug: string }; apiKey: { key: string } };
  return { slug: body.project.slug, key: body.apiKey.key };
}

export function clientFor(baseURL: string, project: { slug: string; key: string }): ReproboardClient {
  return createReproboardClient({ server: baseURL, project: project.slug, key: project.key });
}
