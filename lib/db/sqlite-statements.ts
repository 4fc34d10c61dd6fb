import 'server-only';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteConnection } from './sqlite-connection';
import { processWide } from '@/lib/process-wide';

const statementsOf = processWide('sqlite-statements', () => new WeakMap<SqliteConnection, Map<string, BetterSqlite3.Statement>>());

/**
 * A statement prepared once per connection. Reads return plain numbers: Prisma's adapter turns on
 * BigInt integers for the whole connection, and every integer column here fits a double.
 */
export function preparedStatement(connection: SqliteConnection, sql: string): BetterSqlite3.Statement {
  let statements = statementsOf.get(connection);
  if (!statements) statementsOf.set(connection, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    if (statement.reader) statement.safeIntegers(false);
    statements.set(sql, statement);
  }
  return statement;
}

export interface RowInsert {
  /** `INSERT INTO … (…) VALUES`, with the columns of `shared` first. */
  insert: string;
  /** What follows the rows (the conflict clause). */
  conflict: string;
  /** Named values all rows of one call share, bound once per statement rather than once per row. */
  shared: readonly string[];
  /** How many values each row has of its own. */
  columns: number;
}

/** Rows per multi-row statement: past ~100 rows per call the per-call cost no longer shows (measured). */
const ROWS_PER_STATEMENT = 128;

/**
 * Writes rows through a cached statement of ROWS_PER_STATEMENT rows, the remainder row by row, so no
 * statement is prepared for one odd size. `fill` puts one row's own values into `values` from `at`.
 */
export function insertRows<Row>(
  connection: SqliteConnection,
  statement: RowInsert,
  shared: Readonly<Record<string, unknown>>,
  rows: readonly Row[],
  fill: (values: unknown[], at: number, row: Row) => void,
): void {
  const { insert, conflict, columns } = statement;
  const placeholders = `(${[...statement.shared.map((name) => `@${name}`), ...new Array<string>(columns).fill('?')].join(', ')})`;
  const batch = preparedStatement(connection, `${insert} ${new Array<string>(ROWS_PER_STATEMENT).fill(placeholders).join(', ')} ${conflict}`);
  const values = new Array<unknown>(ROWS_PER_STATEMENT * columns);
  let filled = 0;
  for (const row of rows) {
    fill(values, filled * columns, row);
    filled += 1;
    if (filled === ROWS_PER_STATEMENT) {
      batch.run(values, shared);
      filled = 0;
    }
  }
  const single = preparedStatement(connection, `${insert} ${placeholders} ${conflict}`);
  for (let row = 0; row < filled; row += 1) single.run(values.slice(row * columns, (row + 1) * columns), shared);
}
