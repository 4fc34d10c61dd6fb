/**
 * Brings the database to a servable state: migrations, the papers' reference data, the first admin
 * (from REPROBOARD_ADMIN_EMAIL / REPROBOARD_ADMIN_PASSWORD, when set), the demo project.
 */
import { ensureInitialAdmin } from '@/lib/auth/initial-admin';
import { applyMigrations } from '@/lib/db/migrations/apply-migrations';
import { createDb } from '@/lib/db/client';
import { resolveDatabaseTarget } from '@/lib/db/database-url';
import { createDemoProjectIfEmpty } from '@/lib/db/demo-project';
import { seedReferenceData } from '@/lib/db/papers';

export async function prepareDatabase(options: { demo: boolean }) {
  const target = resolveDatabaseTarget();
  const applied = await applyMigrations(target);
  const db = createDb(target.url);
  try {
    const reference = await seedReferenceData(db);
    const admin = await ensureInitialAdmin(db);
    const demo = options.demo ? await createDemoProjectIfEmpty(db) : null;
    return { target, applied, reference, admin, demo };
  } finally {
    await db.$disconnect();
  }
}
