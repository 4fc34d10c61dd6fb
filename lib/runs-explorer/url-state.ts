/**
 * The explorer's whole view state and its URL form, so a view can be bookmarked and shared:
 *
 *   ?q=warmup&filter=batch_size%20%3E%3D%2032768&status=running,stale&tag=h14
 *    &sort=top1:desc&group=model&cols=name,status,config.lr&sel=run-a,run-b&page=2
 *
 * Defaults are left out. Lists are comma-separated; an item holding "," or "%" has those two
 * characters percent-escaped first (decodeList undoes it), so any run key or tag survives.
 * Unknown statuses and malformed values are dropped rather than failing the page.
 */
import { runDisplayStatusSchema, type RunDisplayStatus } from '@/lib/schemas/run';
import type { SortDirection } from './sort';

export interface SortState {
  column: string;
  direction: SortDirection;
}

export interface ExplorerState {
  search: string;
  filter: string;
  statuses: RunDisplayStatus[];
  tags: string[];
  sort: SortState | null;
  group: string | null;
  /** null: the default columns. */
  columns: string[] | null;
  selected: string[];
  /** 1-based. */
  page: number;
}

export const DEFAULT_STATE: ExplorerState = {
  search: '',
  filter: '',
  statuses: [],
  tags: [],
  sort: null,
  group: null,
  columns: null,
  selected: [],
  page: 1,
};

/** The query parameters this module owns; any other parameter of the page is left alone. */
export const STATE_PARAMS = ['q', 'filter', 'status', 'tag', 'sort', 'group', 'cols', 'sel', 'page'] as const;

export function encodeList(items: readonly string[]): string {
  return items.map((item) => item.replaceAll('%', '%25').replaceAll(',', '%2C')).join(',');
}

export function decodeList(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(',')
    .map((item) => item.replace(/%2C/gi, ',').replace(/%25/g, '%'))
    .filter((item) => item !== '');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function decodeSort(text: string | null): SortState | null {
  if (!text) return null;
  const match = /^(.+):(asc|desc)$/.exec(text);
  return match ? { column: match[1]!, direction: match[2] as SortDirection } : { column: text, direction: 'asc' };
}

interface ReadableParams {
  get(name: string): string | null;
}

export function decodeExplorerState(params: ReadableParams): ExplorerState {
  const statuses = decodeList(params.get('status')).filter((status): status is RunDisplayStatus => runDisplayStatusSchema.safeParse(status).success);
  const columns = decodeList(params.get('cols'));
  const page = Number(params.get('page'));
  return {
    search: params.get('q') ?? '',
    filter: params.get('filter') ?? '',
    statuses: unique(statuses),
    tags: unique(decodeList(params.get('tag'))),
    sort: decodeSort(params.get('sort')),
    group: params.get('group') || null,
    columns: columns.length > 0 ? unique(columns) : null,
    selected: unique(decodeList(params.get('sel'))),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/**
 * The page's query with the explorer's parameters replaced by this state (defaults omitted) and
 * every other parameter kept as it was.
 */
export function encodeExplorerState(state: ExplorerState, current: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const name of STATE_PARAMS) next.delete(name);
  const set = (name: (typeof STATE_PARAMS)[number], value: string) => {
    if (value !== '') next.set(name, value);
  };
  set('q', state.search);
  set('filter', state.filter);
  set('status', encodeList(state.statuses));
  set('tag', encodeList(state.tags));
  set('sort', state.sort ? `${state.sort.column}:${state.sort.direction}` : '');
  set('group', state.group ?? '');
  set('cols', state.columns ? encodeList(state.columns) : '');
  set('sel', encodeList(state.selected));
  set('page', state.page > 1 ? String(state.page) : '');
  return next;
}

const VIEW_FIELDS: readonly (keyof ExplorerState)[] = ['search', 'filter', 'statuses', 'tags', 'sort', 'group'];

/**
 * Applies a change. A change to what is shown or its order goes back to page 1; choosing columns
 * or selecting runs keeps the page.
 */
export function changeState(state: ExplorerState, change: Partial<ExplorerState>): ExplorerState {
  const resetsPage = change.page === undefined && VIEW_FIELDS.some((field) => field in change);
  return { ...state, ...change, ...(resetsPage ? { page: 1 } : {}) };
}

/** The state with every filter cleared; sort, grouping, columns and selection stay. */
export function clearFilters(state: ExplorerState): ExplorerState {
  return changeState(state, { search: '', filter: '', statuses: [], tags: [] });
}

export function hasFilters(state: ExplorerState): boolean {
  return state.search.trim() !== '' || state.filter.trim() !== '' || state.statuses.length > 0 || state.tags.length > 0;
}

/**
 * A query string that stays readable in the address bar (`sort=top1:desc&sel=a,b`, not
 * `sort=top1%3Adesc&sel=a%2Cb`): percent-encoded like encodeURIComponent except for `,` `:` `/`,
 * which RFC 3986 allows in a query. URLSearchParams reads it back to the same values.
 */
export function toQueryString(params: URLSearchParams): string {
  const readable = (text: string) => encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
  return [...params].map(([name, value]) => `${readable(name)}=${readable(value)}`).join('&');
}

/** The compare page for the selected runs (built elsewhere): `/projects/{slug}/compare?runs=a,b`. */
export function compareHref(slug: string, runKeys: readonly string[]): string {
  return `/projects/${encodeURIComponent(slug)}/compare?${toQueryString(new URLSearchParams({ runs: encodeList(runKeys) }))}`;
}
