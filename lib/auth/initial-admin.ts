import 'server-only';
import type { Db } from '@/lib/db/client';
import { countUsers, createUser, findUserByEmail } from '@/lib/db/users';
import { userCreateSchema } from '@/lib/schemas/accounts';

export type InitialAdminOutcome = 'created' | 'exists' | 'not-configured';

/**
 * The first admin from REPROBOARD_ADMIN_EMAIL and REPROBOARD_ADMIN_PASSWORD, created at start when
 * no account has that email. An existing account is left as it is (a restart never resets a
 * password). Without the variables, the one-time /setup page creates the first admin instead.
 */
export async function ensureInitialAdmin(db: Db, env: Record<string, string | undefined> = process.env): Promise<InitialAdminOutcome> {
  const email = env.REPROBOARD_ADMIN_EMAIL?.trim();
  const password = env.REPROBOARD_ADMIN_PASSWORD;
  if (!email || !password) return 'not-configured';
  if (await findUserByEmail(db, email)) return 'exists';
  const input = userCreateSchema.safeParse({ email, password, name: env.REPROBOARD_ADMIN_NAME?.trim() || 'Admin', admin: true });
  if (!input.success) {
    const issue = input.error.issues[0]!;
    throw new Error(`REPROBOARD_ADMIN_${String(issue.path[0]).toUpperCase()}: ${issue.message}`);
  }
  try {
    await createUser(db, input.data);
    return 'created';
  } catch (error) {
    // Several processes starting at once race to create the same admin; the loser finds it made.
    if (await findUserByEmail(db, email)) return 'exists';
    throw error;
  }
}

/** Whether the one-time set-up page may still create the first admin. */
export async function needsFirstAdmin(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}
