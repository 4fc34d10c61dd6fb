/**
 * How the app talks to SQLite: Prisma's better-sqlite3 adapter with two changes.
 *
 * Serial statements. The adapter runs every query on one connection but serialises only
 * transactions (a mutex from BEGIN to COMMIT). A query outside a transaction runs at once, so while
 * another request's interactive transaction is open it runs inside that transaction: it reads rows
 * not yet committed, and when that transaction rolls back (an out.log chunk answered 409
 * offset_gap does) its write is undone after its own request was told it succeeded (a run created
 * by PUT disappears). This factory's connections queue such queries behind the open transaction.
 *
 * Write-ahead log. better-sqlite3 runs on the server's only JavaScript thread, so every fsync
 * stalls every request. In the default rollback-journal mode each commit costs several fsyncs
 * (measured: 10–15 ms per write at 200 ingesting clients, capping the server near 40 writes/s); in
 * WAL mode with synchronous=NORMAL a commit writes the log without syncing. A killed process loses
 * nothing committed; a power cut may lose the last commits, atomically, and the CLI then resends
 * from the server's cursor.
 */
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, Transaction } from '@prisma/driver-adapter-utils';

/** A first-come-first-served lock; `acquire()` resolves with the function that releases it. */
function createLock(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve();
  return () => {
    let release: () => void = () => {};
    const previous = tail;
    tail = new Promise<void>((resolve) => (release = resolve));
    return previous.then(() => release);
  };
}

/** Methods run on the wrapped object itself: the adapter's classes keep state in private fields. */
function withOverrides<T extends object>(target: T, overrides: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

function releaseWhenFinished(transaction: Transaction, release: () => void): Transaction {
  let released = false;
  const finish = (end: () => Promise<void>) => async () => {
    try {
      await end();
    } finally {
      if (!released) release();
      released = true;
    }
  };
  return withOverrides(transaction, { commit: finish(() => transaction.commit()), rollback: finish(() => transaction.rollback()) });
}

/** One connection, one statement stream: a query outside a transaction waits until the open one ends. */
export function serialiseConnection(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const acquire = createLock();
  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const release = await acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
  return withOverrides(adapter, {
    queryRaw: (query: Parameters<SqlDriverAdapter['queryRaw']>[0]) => exclusive(() => adapter.queryRaw(query)),
    executeRaw: (query: Parameters<SqlDriverAdapter['executeRaw']>[0]) => exclusive(() => adapter.executeRaw(query)),
    executeScript: (script: string) => exclusive(() => adapter.executeScript(script)),
    startTransaction: async (isolationLevel?: Parameters<SqlDriverAdapter['startTransaction']>[0]) => {
      const release = await acquire();
      try {
        return releaseWhenFinished(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  });
}

/** PrismaBetterSqlite3 in WAL mode, whose connections run queries and transactions strictly one after another. */
export class SerialPrismaBetterSqlite3 extends PrismaBetterSqlite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    await adapter.executeScript('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    return serialiseConnection(adapter);
  }
}
