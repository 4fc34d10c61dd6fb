/**
 * The column model of the runs explorer: built-in columns from the run summary, one column per
 * params.txt key and one per metric key (its latest value). A column's id is what the URL stores:
 * the built-in name, `config.<key>` or `metric.<key>`.
 */
import { SEVERITIES } from '@/lib/diagnostics/types';
import type { RunSummary } from '@/lib/schemas/run';
import { configCellValue, type CellValue } from './values';

export type ColumnSource = 'run' | 'config' | 'metric';

export interface RunColumn {
  id: string;
  label: string;
  source: ColumnSource;
  /** Right-aligned, and what CSV and filters see is a number. */
  numeric: boolean;
  /** Offered in "group by"; continuous values (metrics, samples, times) are not. */
  groupable: boolean;
  description: string;
  /** CSV header when the label alone would mislead about the exported value. */
  csvHeader?: string;
  /** What sorting, grouping, filtering and CSV use. */
  value: (run: RunSummary) => CellValue;
  /** Overrides value for sorting (status sorts by how alive a run is, not alphabetically). */
  sortValue?: (run: RunSummary) => CellValue;
  /** For list-valued columns (tags): a filter `tags = x` matches any element. */
  listValue?: (run: RunSummary) => readonly string[];
}

export const CONFIG_PREFIX = 'config.';
export const METRIC_PREFIX = 'metric.';

const STATUS_ORDER = ['running', 'stale', 'finished', 'failed', 'crashed'] as const;

function builtin(column: Omit<RunColumn, 'source' | 'numeric' | 'groupable'> & Partial<Pick<RunColumn, 'numeric' | 'groupable'>>): RunColumn {
  return { source: 'run', numeric: false, groupable: false, ...column };
}

export const BUILTIN_COLUMNS: readonly RunColumn[] = [
  builtin({ id: 'name', label: 'Name', description: 'Run name (links to the run)', value: (run) => run.name }),
  builtin({ id: 'key', label: 'Key', description: 'Run key chosen by the training client', value: (run) => run.key }),
  builtin({
    id: 'status',
    label: 'Status',
    groupable: true,
    description: 'running, stale (running but silent), finished, failed or crashed',
    value: (run) => run.displayStatus,
    sortValue: (run) => STATUS_ORDER.indexOf(run.displayStatus),
  }),
  builtin({
    id: 'diagnostics',
    label: 'Diagnostics',
    description: 'Problems found in what was ingested (config mismatch, data bottleneck, NaN loss, …), most severe first',
    value: (run) => (run.diagnostics?.length ? run.diagnostics.map((diagnostic) => diagnostic.code).join('; ') : null),
    // The worst finding first when sorted ascending; runs without findings last.
    sortValue: (run) => (run.diagnostics?.length ? SEVERITIES.indexOf(run.diagnostics[0]!.severity) : SEVERITIES.length),
    listValue: (run) => run.diagnostics?.map((diagnostic) => diagnostic.code) ?? [],
  }),
  builtin({ id: 'model', label: 'Model', groupable: true, description: 'Model architecture', value: (run) => run.model }),
  builtin({ id: 'gpus', label: 'GPUs', numeric: true, groupable: true, description: 'Number of GPUs (world size)', value: (run) => run.gpus }),
  builtin({ id: 'batch', label: 'Batch / GPU', numeric: true, groupable: true, description: 'Batch size per GPU', value: (run) => run.batchSize }),
  builtin({ id: 'global_batch', label: 'Global batch', numeric: true, groupable: true, description: 'Batch size over all GPUs', value: (run) => run.globalBatchSize }),
  builtin({ id: 'precision', label: 'Precision', groupable: true, description: 'Training precision', value: (run) => run.precision }),
  builtin({ id: 'samples', label: 'Samples seen', numeric: true, description: 'Samples seen so far', value: (run) => run.samplesSeen }),
  builtin({
    id: 'top1',
    label: 'Zero-shot top-1',
    csvHeader: 'Zero-shot top-1 (fraction)',
    numeric: true,
    description: 'Latest zero-shot ImageNet top-1 (fraction: 0.63 is 63%)',
    value: (run) => run.latestTop1,
  }),
  builtin({
    id: 'tags',
    label: 'Tags',
    description: 'Tags (editable)',
    value: (run) => (run.tags.length > 0 ? run.tags.join('; ') : null),
    listValue: (run) => run.tags,
  }),
  builtin({ id: 'notes', label: 'Notes', description: 'Notes (editable)', value: (run) => run.notes || null }),
  builtin({ id: 'created', label: 'Created', description: 'When the run was created', value: (run) => run.createdAt }),
  builtin({ id: 'updated', label: 'Last update', description: 'Last data received', value: (run) => run.lastHeartbeatAt ?? run.updatedAt }),
];

export const DEFAULT_COLUMN_IDS: readonly string[] = ['name', 'status', 'diagnostics', 'model', 'gpus', 'samples', 'top1', 'tags', 'notes', 'updated'];

const builtinById = new Map(BUILTIN_COLUMNS.map((column) => [column.id, column]));

/** record[key] only when it is the record's own (a key like "constructor" must not reach the prototype). */
export function ownValue<T>(record: Record<string, T> | null | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function configColumn(key: string): RunColumn {
  return {
    id: `${CONFIG_PREFIX}${key}`,
    label: key,
    source: 'config',
    numeric: false,
    groupable: true,
    description: `params.txt: ${key}`,
    value: (run) => configCellValue(ownValue(run.config, key)),
  };
}

export function metricColumn(key: string): RunColumn {
  return {
    id: `${METRIC_PREFIX}${key}`,
    label: key,
    source: 'metric',
    numeric: true,
    groupable: false,
    description: `Latest value of ${key}`,
    value: (run) => ownValue(run.latestMetrics, key) ?? null,
  };
}

/** The column an id names, or null for an id that is neither built-in nor prefixed. */
export function columnById(id: string): RunColumn | null {
  const found = builtinById.get(id);
  if (found) return found;
  if (id.startsWith(CONFIG_PREFIX) && id.length > CONFIG_PREFIX.length) return configColumn(id.slice(CONFIG_PREFIX.length));
  if (id.startsWith(METRIC_PREFIX) && id.length > METRIC_PREFIX.length) return metricColumn(id.slice(METRIC_PREFIX.length));
  return null;
}

/** The columns to show: the ids given (unknown ones dropped, repeats once), or the defaults. */
export function resolveColumns(ids: readonly string[] | null): RunColumn[] {
  const chosen = (ids ?? DEFAULT_COLUMN_IDS).map(columnById).filter((column): column is RunColumn => column !== null);
  return [...new Map(chosen.map((column) => [column.id, column])).values()];
}

export interface RunKeys {
  configKeys: string[];
  metricKeys: string[];
}

/** Every params.txt key and metric key any of the runs has, sorted. */
export function collectRunKeys(runs: readonly RunSummary[]): RunKeys {
  const config = new Set<string>();
  const metrics = new Set<string>();
  for (const run of runs) {
    for (const key of Object.keys(run.config ?? {})) config.add(key);
    for (const key of Object.keys(run.latestMetrics ?? {})) metrics.add(key);
  }
  const sorted = (keys: Set<string>) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { configKeys: sorted(config), metricKeys: sorted(metrics) };
}

const FIELD_ALIASES: Record<string, string> = { tag: 'tags', note: 'notes', global_batch_size: 'global_batch', samples_seen: 'samples' };

/**
 * The column a filter field names: a built-in (case-insensitive, with a few aliases), then an exact
 * params.txt key, then an exact metric key, then an explicit `config.`/`metric.` id. Built-ins win
 * over a params.txt key of the same name (`model`, `precision`): both hold the same value.
 */
export function resolveField(name: string, keys: RunKeys): RunColumn | null {
  const lower = name.toLowerCase();
  const found = builtinById.get(FIELD_ALIASES[lower] ?? lower);
  if (found) return found;
  if (keys.configKeys.includes(name)) return configColumn(name);
  if (keys.metricKeys.includes(name)) return metricColumn(name);
  if (name.startsWith(CONFIG_PREFIX) || name.startsWith(METRIC_PREFIX)) return columnById(name);
  return null;
}

/** Every name resolveField accepts for these keys, for "did you mean" hints. */
export function fieldNames(keys: RunKeys): string[] {
  return [...BUILTIN_COLUMNS.map((column) => column.id), ...Object.keys(FIELD_ALIASES), ...keys.configKeys, ...keys.metricKeys];
}
