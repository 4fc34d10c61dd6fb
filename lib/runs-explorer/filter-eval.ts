/**
 * Turns parsed filter terms into a predicate over runs. Comparisons are numeric when both sides are
 * numbers (`256` = `256.0`, `lr < 1e-3`), otherwise case-insensitive text. A run that lacks the
 * field matches only the negative operators (`!=`, `!~`), as "not equal to X" is true of it.
 */
import type { RunSummary } from '@/lib/schemas/run';
import { runDisplayStatusSchema } from '@/lib/schemas/run';
import { fieldNames, resolveField, type RunColumn, type RunKeys } from './columns';
import type { FilterError, FilterOperator, FilterTerm } from './filter-parser';
import { compareText, numericOf, parseNumber, type CellValue } from './values';

export type RunPredicate = (run: RunSummary) => boolean;
export type CompileResult = { ok: true; predicate: RunPredicate } | { ok: false; error: FilterError };

const STATUSES = runDisplayStatusSchema.options;

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function suggestion(name: string, keys: RunKeys): string {
  // Up to 2 typos, fewer for short names ("x" is not a typo of "lr").
  const allowed = Math.min(2, Math.floor(name.length / 3));
  let best: { name: string; distance: number } | null = null;
  for (const candidate of fieldNames(keys)) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best ? ` Did you mean "${best.name}"?` : '';
}

/** Free text: a case-insensitive substring of the run's name, key or notes. */
export function matchesText(run: RunSummary, text: string): boolean {
  const needle = text.toLowerCase();
  return [run.name, run.key, run.notes].some((haystack) => haystack.toLowerCase().includes(needle));
}

function compareOne(cell: string | number, operator: FilterOperator, literal: string): boolean {
  if (operator === '~' || operator === '!~') {
    const contains = String(cell).toLowerCase().includes(literal.toLowerCase());
    return operator === '~' ? contains : !contains;
  }
  const left = numericOf(cell);
  const right = parseNumber(literal);
  const order = left !== null && right !== null ? left - right : compareText(String(cell), literal);
  switch (operator) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function cellsOf(column: RunColumn, run: RunSummary): CellValue[] {
  return column.listValue ? [...column.listValue(run)] : [column.value(run)];
}

/** A negative operator holds when no cell matches its positive twin; a positive one when any cell does. */
function compareTermMatches(column: RunColumn, operator: FilterOperator, values: readonly string[], run: RunSummary): boolean {
  const present = cellsOf(column, run).filter((cell): cell is string | number => cell !== null);
  const negative = operator === '!=' || operator === '!~';
  const positive: FilterOperator = operator === '!=' ? '=' : operator === '!~' ? '~' : operator;
  const any = values.some((literal) => present.some((cell) => compareOne(cell, positive, literal)));
  return negative ? !any : any;
}

function compileTerm(term: FilterTerm, keys: RunKeys): RunPredicate | FilterError {
  if (term.kind === 'text') return (run) => matchesText(run, term.text);
  const column = resolveField(term.field, keys);
  if (!column) {
    const message = `Unknown field "${term.field}" at column ${term.start + 1}: not a column, params.txt key or metric of these runs.`;
    return { message: message + suggestion(term.field, keys), position: term.start };
  }
  if (column.id === 'status' && term.operator === '=') {
    const unknown = term.values.find((value) => !STATUSES.some((status) => status === value.toLowerCase()));
    if (unknown !== undefined) return { message: `Unknown status "${unknown}"; use ${STATUSES.join(', ')}`, position: term.start };
  }
  return (run) => compareTermMatches(column, term.operator, term.values, run);
}

/** One predicate for all terms (all must hold), or the first unknown field or status. */
export function compileFilter(terms: readonly FilterTerm[], keys: RunKeys): CompileResult {
  const predicates: RunPredicate[] = [];
  for (const term of terms) {
    const compiled = compileTerm(term, keys);
    if (typeof compiled !== 'function') return { ok: false, error: compiled };
    predicates.push(term.negated ? (run) => !compiled(run) : compiled);
  }
  return { ok: true, predicate: (run) => predicates.every((predicate) => predicate(run)) };
}
