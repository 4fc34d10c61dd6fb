'use client';

import { cn } from '@/components/ui/cn';
import { Table, Td, Th } from '@/components/ui/table';
import type { PageItem } from '@/lib/runs-explorer/explorer-view';
import type { RunColumn } from '@/lib/runs-explorer/columns';
import type { RunGroup } from '@/lib/runs-explorer/group';
import type { SortState } from '@/lib/runs-explorer/url-state';
import type { RunSummary } from '@/lib/schemas/run';
import { cellClassName, RunCell } from './run-columns-cell';

/** The next sort when a header is clicked: ascending, then descending, then the API's order. */
function nextSort(sort: SortState | null, columnId: string): SortState | null {
  if (sort?.column !== columnId) return { column: columnId, direction: 'asc' };
  return sort.direction === 'asc' ? { column: columnId, direction: 'desc' } : null;
}

function SortableHeader({ column, sort, onSort }: { column: RunColumn; sort: SortState | null; onSort: (sort: SortState | null) => void }) {
  const direction = sort?.column === column.id ? sort.direction : null;
  return (
    <Th numeric={column.numeric} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'} title={column.description}>
      <button
        type="button"
        onClick={() => onSort(nextSort(sort, column.id))}
        className={cn('inline-flex items-center gap-1 uppercase tracking-wide hover:text-zinc-900', direction && 'text-zinc-900')}
      >
        {column.source === 'run' ? column.label : <span className="font-mono normal-case">{column.label}</span>}
        <span aria-hidden="true" className={cn('text-[10px]', !direction && 'invisible')}>
          {direction === 'desc' ? '▼' : '▲'}
        </span>
      </button>
    </Th>
  );
}

function GroupHeader({ group, column, span, continued }: { group: RunGroup; column: RunColumn; span: number; continued: boolean }) {
  return (
    <tr data-group={group.label}>
      <th scope="rowgroup" colSpan={span} className="border-b border-zinc-200 bg-zinc-50/70 px-4 py-1.5 text-left text-xs font-medium text-zinc-600">
        <span className="text-zinc-500">{column.label}:</span> <span className="font-mono text-zinc-900">{group.label}</span>{' '}
        <span className="ml-1 rounded-full bg-zinc-200/70 px-1.5 py-0.5 text-zinc-700">
          {group.count} {group.count === 1 ? 'run' : 'runs'}
        </span>
        {continued && <span className="ml-2 font-normal text-zinc-400">continued</span>}
      </th>
    </tr>
  );
}

interface Section {
  header: { group: RunGroup; continued: boolean } | null;
  runs: RunSummary[];
}

/** The page's items as table sections: one per group (its header first), or one without a header. */
function sectionsOf(items: readonly PageItem[]): Section[] {
  const sections: Section[] = [];
  for (const item of items) {
    if (item.type === 'group') sections.push({ header: { group: item.group, continued: item.continued }, runs: [] });
    else if (sections.length === 0) sections.push({ header: null, runs: [item.run] });
    else sections.at(-1)!.runs.push(item.run);
  }
  return sections;
}

export interface RunsTableProps {
  slug: string;
  columns: readonly RunColumn[];
  items: readonly PageItem[];
  groupColumn: RunColumn | null;
  sort: SortState | null;
  onSort: (sort: SortState | null) => void;
  selected: ReadonlySet<string>;
  onSelect: (runKeys: readonly string[], selected: boolean) => void;
}

/** One page of the runs explorer: sortable headers, a checkbox per run, group header rows. */
export function RunsTable({ slug, columns, items, groupColumn, sort, onSort, selected, onSelect }: RunsTableProps) {
  const pageRuns = items.flatMap((item): RunSummary[] => (item.type === 'run' ? [item.run] : []));
  const selectedOnPage = pageRuns.filter((run) => selected.has(run.key)).length;
  const allSelected = pageRuns.length > 0 && selectedOnPage === pageRuns.length;
  return (
    <Table label="Runs">
      <thead>
        <tr>
          <Th className="w-8 pr-0">
            <input
              type="checkbox"
              aria-label="Select all runs on this page"
              checked={allSelected}
              ref={(box) => {
                if (box) box.indeterminate = selectedOnPage > 0 && !allSelected;
              }}
              onChange={() => onSelect(pageRuns.map((run) => run.key), !allSelected)}
            />
          </Th>
          {columns.map((column) => (
            <SortableHeader key={column.id} column={column} sort={sort} onSort={onSort} />
          ))}
        </tr>
      </thead>
      {sectionsOf(items).map((section) => (
        <tbody key={section.header ? `group:${section.header.group.id}` : 'runs'}>
          {section.header && groupColumn && (
            <GroupHeader group={section.header.group} column={groupColumn} span={columns.length + 1} continued={section.header.continued} />
          )}
          {section.runs.map((run) => {
            const isSelected = selected.has(run.key);
            return (
              <tr key={run.id} className={isSelected ? 'bg-accent-50/60' : 'hover:bg-zinc-50'} data-run-key={run.key}>
                <Td className="pr-0">
                  <input type="checkbox" aria-label={`Select ${run.name}`} checked={isSelected} onChange={() => onSelect([run.key], !isSelected)} />
                </Td>
                {columns.map((column) => (
                  <Td key={column.id} numeric={column.numeric} className={cellClassName(column)}>
                    <RunCell column={column} run={run} slug={slug} />
                  </Td>
                ))}
              </tr>
            );
          })}
        </tbody>
      ))}
    </Table>
  );
}
