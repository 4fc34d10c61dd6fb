import { beforeAll, describe, expect, it } from 'vitest';
import { testDialect, useFreshDatabase } from '@/test/fresh-database';
import { Prisma } from '@/prisma/generated/sqlite/client';
import type { Db } from './client';
import { inPgTransaction } from './pg-raw-sql';
import { writeInOrder } from './raw-sql';

// The PostgreSQL ingest session sends held-back writes as literals with its next statement: what it
// stores must be what Prisma reads back, and a failing write must undo the whole transaction.
describe.runIf(testDialect() === 'postgres')('PostgreSQL ingest session', () => {
  let db: Db;
  let url: string;
  let runId: string;
  beforeAll(async () => {
    const fresh = useFreshDatabase();
    db = fresh.db;
    url = process.env.DATABASE_URL!;
    const project = await db.project.create({ data: { slug: 'pg-session', name: 'PG session' } });
    runId = (await db.run.create({ data: { projectId: project.id, key: 'r', name: 'original' } })).id;
  });

  it('stores awkward text, dates and doubles exactly, held-back writes included', async () => {
    const name = "it's \\ a 'quoted' ünïcødé ✓ name; DROP TABLE \"Run\"; --";
    const at = new Date(Date.UTC(2026, 11, 5, 1, 2, 3, 456));
    const samplesSeen = 1.2345678901234567e300;
    const readBack = await inPgTransaction(url, async (tx) => {
      await writeInOrder(tx, Prisma.sql`UPDATE "Run" SET "name" = ${name}, "lastHeartbeatAt" = ${at}, "samplesSeen" = ${samplesSeen} WHERE "id" = ${runId}`);
      return tx.$queryRaw<{ name: string }[]>`SELECT "name" FROM "Run" WHERE "id" = ${runId}`;
    });
    expect(readBack).toEqual([{ name }]);
    const stored = await db.run.findUniqueOrThrow({ where: { id: runId } });
    expect([stored.name, stored.lastHeartbeatAt?.toISOString(), stored.samplesSeen]).toEqual([name, at.toISOString(), samplesSeen]);
  });

  it('reads and writes times as UTC whatever the process time zone', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const at = new Date(Date.UTC(2026, 6, 1, 23, 30, 0, 125));
      const read = await inPgTransaction(url, async (tx) => {
        await writeInOrder(tx, Prisma.sql`UPDATE "Run" SET "lastHeartbeatAt" = ${at} WHERE "id" = ${runId}`);
        return tx.$queryRaw<{ lastHeartbeatAt: Date }[]>`SELECT "lastHeartbeatAt" FROM "Run" WHERE "id" = ${runId}`;
      });
      expect(read[0]!.lastHeartbeatAt.toISOString()).toBe(at.toISOString());
      expect((await db.run.findUniqueOrThrow({ where: { id: runId } })).lastHeartbeatAt?.toISOString()).toBe(at.toISOString());
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('rolls every write back when a held-back one fails', async () => {
    const before = await db.run.findUniqueOrThrow({ where: { id: runId } });
    await expect(
      inPgTransaction(url, async (tx) => {
        await writeInOrder(tx, Prisma.sql`UPDATE "Run" SET "name" = ${'changed'} WHERE "id" = ${runId}`);
        await writeInOrder(tx, Prisma.sql`SELECT 1 / ${0}`);
        await writeInOrder(tx, Prisma.sql`UPDATE "Run" SET "notes" = ${'after the failure'} WHERE "id" = ${runId}`);
      }),
    ).rejects.toThrow(/division by zero/);
    const after = await db.run.findUniqueOrThrow({ where: { id: runId } });
    expect([after.name, after.notes]).toEqual([before.name, before.notes]);
  });

  it('leaves its connection usable after a failure', async () => {
    const rows = await inPgTransaction(url, async (tx) => tx.$queryRaw<{ one: number }[]>`SELECT ${1}::int AS "one"`);
    expect(rows).toEqual([{ one: 1 }]);
  });
});
