/**
 * A query outside a transaction, issued by one request while another request's transaction is open,
 * must neither join that transaction (and be rolled back with it) nor read its uncommitted rows.
 * On SQLite both share one connection (see sqlite-serial-adapter.ts); on PostgreSQL they take two
 * pool connections, and the same expectations hold.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '@/test/fresh-database';

const { db } = useFreshDatabase();

afterAll(() => db.$disconnect());

/** Prisma queries run only once awaited: start one now, as another request would. */
function start<T>(query: PromiseLike<T>): Promise<T> {
  return Promise.resolve(query);
}

/** Opens a transaction that inserts a project, holds it open until released, then rolls back. */
function holdFailingTransaction() {
  let markOpen: () => void = () => {};
  let release: () => void = () => {};
  const open = new Promise<void>((resolve) => (markOpen = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = db
    .$transaction(async (tx) => {
      await tx.project.create({ data: { slug: 'uncommitted', name: 'Uncommitted' } });
      markOpen();
      await released;
      throw new Error('rolled back on purpose');
    })
    .catch((error: Error) => error.message);
  return { open, release, done };
}

describe('queries outside a transaction while another is open', () => {
  it('keep their writes when the other transaction rolls back, and never read its rows', async () => {
    const project = await db.project.create({ data: { slug: 'kept', name: 'Kept' } });
    const held = holdFailingTransaction();
    await held.open;
    const created = start(db.run.create({ data: { projectId: project.id, key: 'created-meanwhile', name: 'r', tags: [] } }));
    const updated = start(db.project.update({ where: { id: project.id }, data: { name: 'Renamed meanwhile' } }));
    const read = start(db.project.findUnique({ where: { slug: 'uncommitted' } }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    held.release();
    expect(await held.done).toBe('rolled back on purpose');
    await Promise.all([created, updated]);
    expect(await read).toBeNull();
    expect(await db.run.count({ where: { key: 'created-meanwhile' } })).toBe(1);
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe('Renamed meanwhile');
    expect(await db.project.count({ where: { slug: 'uncommitted' } })).toBe(0);
  });
});
