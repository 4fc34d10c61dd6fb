import 'server-only';
import { getAuth } from '@/lib/auth/auth';
import type { User, UserCreateInput } from '@/lib/schemas/accounts';
import type { Db } from './client';

export class EmailTakenError extends Error {}

function toUser(row: { id: string; email: string; name: string; role: string | null; createdAt: Date }): User {
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.role === 'admin', createdAt: row.createdAt.toISOString() };
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.user.findMany({ orderBy: { createdAt: 'asc' } })).map(toUser);
}

export async function countUsers(db: Db): Promise<number> {
  return db.user.count();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  const row = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  return row ? toUser(row) : null;
}

/**
 * Creates an account through Better Auth (which hashes the password and owns the account rows);
 * only an admin's request or server start-up gets here.
 */
export async function createUser(db: Db, input: UserCreateInput): Promise<User> {
  if (await findUserByEmail(db, input.email)) throw new EmailTakenError(input.email);
  const { user } = await getAuth().api.createUser({
    body: { email: input.email.toLowerCase(), name: input.name, password: input.password, role: input.admin ? 'admin' : 'user' },
  });
  return toUser({ ...user, role: user.role ?? null, createdAt: new Date(user.createdAt) });
}
