import { describe, expect, it, vi } from 'vitest';
import { testDialect, useFreshDatabase } from '@/test/fresh-database';

// Next gives every route bundle its own instance of each module: the client one route opened must be
// found through another route's copy of this module (its bulk writes depended on that).
describe.runIf(testDialect() === 'sqlite')('findSqliteConnection across module instances', () => {
  it('finds the connection a client opened through another instance of the module', async () => {
    const { db } = useFreshDatabase();
    await db.project.count();
    vi.resetModules();
    const otherInstance = await import('./sqlite-connection');
    const connection = otherInstance.findSqliteConnection(db);
    expect(connection?.open).toBe(true);
    expect(connection!.prepare('SELECT 1 AS one').get()).toEqual({ one: 1n });
  });
});
