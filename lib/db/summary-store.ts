import 'server-only';
import { Prisma } from '@/prisma/generated/sqlite/client';
import { writeInOrder, type RawSql } from './raw-sql';
import { sqlNumber, sqlString } from './sql-literals';
import { storedText } from './stored-values';
import type { BucketSummary, SummaryPoint } from './summary-merge';

export type SummaryTx = RawSql;

export interface KeyedSummary {
  key: string;
  summary: BucketSummary;
}

export interface StepRange {
  key: string;
  lowest: number;
  highest: number;
}

export interface SummaryRequest {
  key: string;
  bucketsByWidth: readonly { width: number; buckets: readonly number[] }[];
}

/**
 * The reads and writes of summary maintenance for one run, inside the caller's transaction: through
 * Prisma here, through prepared statements on SQLite's connection in sqlite-summary-store.ts. Reads
 * take every key of a chunk at once: an out.log chunk carries a dozen keys, and on PostgreSQL each
 * query is a round trip.
 */
export interface SummaryStore {
  /** Stored steps of each range's key from `lowest` to `highest`, inclusive, by key. */
  readStepsBetween(ranges: readonly StepRange[]): Promise<Map<string, number[]>>;
  /** Stored summaries of each request's key for the given buckets of each width, in no particular order. */
  readSummaries(requests: readonly SummaryRequest[]): Promise<KeyedSummary[]>;
  /** Stored points of `key` with `from <= step < to`; a non-finite value reads as NaN. */
  readPointsBetween(key: string, from: number, to: number): Promise<SummaryPoint[]>;
  /** Inserts or replaces summaries. */
  writeSummaries(summaries: readonly KeyedSummary[]): Promise<void>;
}

const ROWS_PER_STATEMENT = 1000;

type SummaryRow = { [column in keyof BucketSummary]: BucketSummary[column] | bigint } & { key: string };

const orNull = (value: number | bigint | null) => (value === null ? null : Number(value));

function toKeyedSummary(row: SummaryRow): KeyedSummary {
  return {
    key: row.key,
    summary: {
      width: Number(row.width),
      bucket: Number(row.bucket),
      minStep: orNull(row.minStep),
      minValue: row.minValue === null ? null : Number(row.minValue),
      maxStep: orNull(row.maxStep),
      maxValue: row.maxValue === null ? null : Number(row.maxValue),
      lastStep: Number(row.lastStep),
      nonFiniteStep: orNull(row.nonFiniteStep),
      count: Number(row.count),
    },
  };
}

/** PostgreSQL takes at most 65,535 parameters per statement; a large import's reads are split well below it. */
const PARAMETERS_PER_QUERY = 30_000;
const BUCKETS_PER_TERM = 10_000;

function slices<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** Terms of an OR, grouped so no query has more than PARAMETERS_PER_QUERY parameters. */
function packTerms(terms: readonly { sql: Prisma.Sql; parameters: number }[]): Prisma.Sql[][] {
  const groups: Prisma.Sql[][] = [];
  let current: Prisma.Sql[] = [];
  let parameters = 0;
  for (const term of terms) {
    if (current.length > 0 && parameters + term.parameters > PARAMETERS_PER_QUERY) {
      groups.push(current);
      current = [];
      parameters = 0;
    }
    current.push(term.sql);
    parameters += term.parameters;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Reads look a key up as the literal writers stored it: a key with a NUL character is stored with U+FFFD. */
export function createPrismaSummaryStore(tx: SummaryTx, runId: string): SummaryStore {
  return {
    async readStepsBetween(ranges) {
      const byKey = new Map<string, number[]>(ranges.map((range) => [range.key, []]));
      const original = new Map(ranges.map((range) => [storedText(range.key), range.key]));
      const terms = ranges.map(({ key, lowest, highest }) => ({
        sql: Prisma.sql`("key" = ${storedText(key)} AND "step" >= ${lowest} AND "step" <= ${highest})`,
        parameters: 3,
      }));
      for (const group of packTerms(terms)) {
        const rows = await tx.$queryRaw<{ key: string; step: number | bigint }[]>`
          SELECT "key", "step" FROM "MetricPoint" WHERE "runId" = ${runId} AND (${Prisma.join(group, ' OR ')})`;
        for (const row of rows) byKey.get(original.get(row.key) ?? row.key)?.push(Number(row.step));
      }
      return byKey;
    },
    async readSummaries(requests) {
      const terms = requests.flatMap(({ key, bucketsByWidth }) =>
        bucketsByWidth.flatMap(({ width, buckets }) =>
          slices(buckets, BUCKETS_PER_TERM).map((some) => ({
            sql: Prisma.sql`("key" = ${storedText(key)} AND "width" = ${width} AND "bucket" IN (${Prisma.join(some)}))`,
            parameters: some.length + 2,
          })),
        ),
      );
      const original = new Map(requests.map((request) => [storedText(request.key), request.key]));
      const summaries: KeyedSummary[] = [];
      for (const group of packTerms(terms)) {
        const rows = await tx.$queryRaw<SummaryRow[]>`
          SELECT "key", "width", "bucket", "minStep", "minValue", "maxStep", "maxValue", "lastStep", "nonFiniteStep", "count"
          FROM "MetricSummary" WHERE "runId" = ${runId} AND (${Prisma.join(group, ' OR ')})`;
        for (const row of rows) summaries.push(toKeyedSummary({ ...row, key: original.get(row.key) ?? row.key }));
      }
      return summaries;
    },
    async readPointsBetween(key, from, to) {
      const rows = await tx.$queryRaw<{ step: number | bigint; value: number | null }[]>`
        SELECT "step", "value" FROM "MetricPoint" WHERE "runId" = ${runId} AND "key" = ${storedText(key)} AND "step" >= ${from} AND "step" < ${to} ORDER BY "step"`;
      return rows.map((row) => ({ step: Number(row.step), value: row.value ?? NaN }));
    },
    async writeSummaries(summaries) {
      const rows = summaries.map(
        ({ key, summary }) =>
          `(${sqlString(runId)}, ${sqlString(key)}, ${summary.width}, ${summary.bucket}, ${sqlNumber(summary.minStep)}, ${sqlNumber(summary.minValue)}, ` +
          `${sqlNumber(summary.maxStep)}, ${sqlNumber(summary.maxValue)}, ${summary.lastStep}, ${sqlNumber(summary.nonFiniteStep)}, ${summary.count})`,
      );
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        await writeInOrder(
          tx,
          Prisma.raw(`INSERT INTO "MetricSummary" ("runId", "key", "width", "bucket", "minStep", "minValue", "maxStep", "maxValue", "lastStep", "nonFiniteStep", "count")
          VALUES ${rows.slice(start, start + ROWS_PER_STATEMENT).join(', ')}
          ON CONFLICT ("runId", "key", "width", "bucket") DO UPDATE SET
            "minStep" = excluded."minStep", "minValue" = excluded."minValue", "maxStep" = excluded."maxStep", "maxValue" = excluded."maxValue",
            "lastStep" = excluded."lastStep", "nonFiniteStep" = excluded."nonFiniteStep", "count" = excluded."count"`),
        );
      }
    },
  };
}
