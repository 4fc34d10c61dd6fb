import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDialect, useFreshDatabase } from '@/test/fresh-database';
import type { Db } from './client';
import { findSqliteConnection } from './sqlite-connection';
import { withStatementCache } from './sqlite-statement-cache';

describe('withStatementCache', () => {
  function countingConnection() {
    const connection = new Database(':memory:');
    connection.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    const prepared: string[] = [];
    const prepare = connection.prepare.bind(connection);
    connection.prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as typeof connection.prepare;
    return { cached: withStatementCache(connection), prepared };
  }

  it('prepares a text once and binds each call its own arguments, as the adapter calls it', () => {
    const { cached, prepared } = countingConnection();
    const insert = 'INSERT INTO t (id, name) VALUES (?, ?)';
    cached.prepare(insert).bind([1, 'one']).run();
    cached.prepare(insert).bind([2, 'two']).run();
    const select = cached.prepare('SELECT name FROM t WHERE id = ?');
    expect(select.reader).toBe(true);
    expect(cached.prepare('SELECT name FROM t WHERE id = ?').bind([2]).raw().all()).toEqual([['two']]);
    expect(cached.prepare('SELECT name FROM t WHERE id = ?').bind([1]).raw().all()).toEqual([['one']]);
    expect(cached.prepare('SELECT name FROM t WHERE id = ?').bind([1]).columns().map((column) => column.name)).toEqual(['name']);
    expect(prepared).toEqual([insert, 'SELECT name FROM t WHERE id = ?']);
  });

  it('runs unbound statements (the adapter begins transactions so) and passes everything else through', () => {
    const { cached } = countingConnection();
    cached.prepare('BEGIN').run();
    expect(cached.inTransaction).toBe(true);
    cached.exec('ROLLBACK');
    expect(cached.inTransaction).toBe(false);
  });

  it('does not keep one-off long texts', () => {
    const { cached, prepared } = countingConnection();
    const long = `SELECT ${Array.from({ length: 1000 }, (_, i) => i).join(', ')}`;
    cached.prepare(long).raw().all();
    cached.prepare(long).raw().all();
    expect(prepared).toEqual([long, long]);
  });
});

describe.runIf(testDialect() === 'sqlite')('Prisma on SQLite with the statement cache', () => {
  let db: Db;
  beforeAll(async () => {
    db = useFreshDatabase().db;
    await db.project.create({ data: { slug: 'cache-a', name: 'Cache A' } });
    await db.project.create({ data: { slug: 'cache-b', name: 'Cache B' } });
  });

  it('answers a repeated query with each call its own rows, preparing it once', async () => {
    const connection = findSqliteConnection(db)!;
    const prepare = connection.prepare.bind(connection);
    let prepares = 0;
    connection.prepare = ((sql: string) => {
      prepares += 1;
      return prepare(sql);
    }) as typeof connection.prepare;
    try {
      await db.project.findUnique({ where: { slug: 'cache-a' } });
      prepares = 0;
      const [a, b] = [await db.project.findUnique({ where: { slug: 'cache-a' } }), await db.project.findUnique({ where: { slug: 'cache-b' } })];
      expect([a?.name, b?.name]).toEqual(['Cache A', 'Cache B']);
      expect(prepares).toBe(0);
    } finally {
      connection.prepare = prepare as typeof connection.prepare;
    }
  });
});
