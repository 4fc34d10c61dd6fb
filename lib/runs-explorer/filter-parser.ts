/**
 * The filter language of the runs explorer. An expression is a list of terms, all of which must
 * hold:
 *
 *   batch_size >= 32768     compare a field (built-in column, params.txt key or metric key)
 *   model = ViT-H-14        `=` `!=` `<` `<=` `>` `>=`, `~` contains, `!~` does not contain
 *   tag:h14  status:running `field:value` is `field = value`; `tag:a,b` matches either
 *   warmup  "lr sweep"      free text, searched in name, key and notes
 *   -tag:pilot              a leading `-` negates a term
 *
 * Values with spaces or operator characters are quoted ("…" or '…'). This module only parses; what
 * fields exist and how values compare is filter-eval's job.
 */

export type FilterOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~';

export type FilterTerm =
  | { kind: 'text'; text: string; negated: boolean }
  | { kind: 'compare'; field: string; operator: FilterOperator; values: string[]; negated: boolean; start: number };

export interface FilterError {
  message: string;
  /** Zero-based offset in the expression where the problem is. */
  position: number;
}

export type ParseResult = { ok: true; terms: FilterTerm[] } | { ok: false; error: FilterError };

interface Token {
  type: 'word' | 'quoted' | 'operator';
  text: string;
  start: number;
  end: number;
}

// Longest first, so ">=" is not read as ">" then "=".
const OPERATORS = ['>=', '<=', '!=', '!~', '==', '=', '<', '>', '~', ':'] as const;
const MISTYPED: Record<string, string> = { '=>': '>=', '=<': '<=', '<>': '!=' };
const OPERATOR_CHARS = new Set(['<', '>', '=', '!', '~', ':']);

class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

function at(position: number): string {
  return `at column ${position + 1}`;
}

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < expression.length) {
    const char = expression[index]!;
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    const start = index;
    if (char === '"' || char === "'") {
      const close = expression.indexOf(char, index + 1);
      if (close < 0) throw new FilterSyntaxError(`Unclosed ${char} ${at(start)}: add the closing quote`, start);
      tokens.push({ type: 'quoted', text: expression.slice(index + 1, close), start, end: close + 1 });
      index = close + 1;
      continue;
    }
    const mistyped = Object.keys(MISTYPED).find((text) => expression.startsWith(text, index));
    if (mistyped) throw new FilterSyntaxError(`Unknown operator "${mistyped}" ${at(start)}; did you mean "${MISTYPED[mistyped]}"?`, start);
    const operator = OPERATORS.find((text) => expression.startsWith(text, index));
    if (operator) {
      tokens.push({ type: 'operator', text: operator === '==' ? '=' : operator, start, end: index + operator.length });
      index += operator.length;
      continue;
    }
    while (index < expression.length && !/\s/.test(expression[index]!) && !OPERATOR_CHARS.has(expression[index]!) && !`"'`.includes(expression[index]!)) {
      index += 1;
    }
    // A lone "!" is not an operator on its own; take it as text.
    if (index === start) index += 1;
    tokens.push({ type: 'word', text: expression.slice(start, index), start, end: index });
  }
  return tokens;
}

/** A leading "-" negates a term, unless the word is a negative number ("-5" is text to search for). */
function splitNegation(token: Token): { token: Token; negated: boolean } {
  if (token.type !== 'word' || !token.text.startsWith('-') || token.text.length < 2 || /^-[\d.]/.test(token.text)) {
    return { token, negated: false };
  }
  return { token: { ...token, text: token.text.slice(1), start: token.start + 1 }, negated: true };
}

function parseTokens(tokens: Token[]): FilterTerm[] {
  const terms: FilterTerm[] = [];
  let index = 0;
  while (index < tokens.length) {
    let negated = false;
    let token = tokens[index]!;
    // "-" written right before a quoted term: -"lr sweep".
    const next = tokens[index + 1];
    if (token.type === 'word' && token.text === '-' && next && next.start === token.end && next.type !== 'operator') {
      negated = true;
      index += 1;
      token = next;
    } else {
      ({ token, negated } = splitNegation(token));
    }
    if (token.type === 'operator') {
      throw new FilterSyntaxError(`"${token.text}" ${at(token.start)} needs a field before it, as in batch_size >= 32768`, token.start);
    }
    const operator = tokens[index + 1];
    if (operator?.type !== 'operator') {
      terms.push({ kind: 'text', text: token.text, negated });
      index += 1;
      continue;
    }
    if (token.text.trim() === '') throw new FilterSyntaxError(`Empty field name ${at(token.start)}`, token.start);
    const value = tokens[index + 2];
    const shown = operator.text === ':' ? `${token.text}:` : operator.text;
    if (!value) throw new FilterSyntaxError(`Expected a value after "${shown}" ${at(operator.end)}`, operator.end);
    if (value.type === 'operator') {
      throw new FilterSyntaxError(`Expected a value after "${shown}" ${at(value.start)}, found "${value.text}"`, value.start);
    }
    const values = operator.text === ':' && value.type === 'word' ? value.text.split(',').filter((item) => item !== '') : [value.text];
    if (values.length === 0) throw new FilterSyntaxError(`Expected a value after "${shown}" ${at(value.start)}`, value.start);
    terms.push({
      kind: 'compare',
      field: token.text,
      operator: operator.text === ':' ? '=' : (operator.text as FilterOperator),
      values,
      negated,
      start: token.start,
    });
    index += 3;
  }
  return terms;
}

/** Parses an expression into terms, or says what is wrong and where. An empty expression has no terms. */
export function parseFilter(expression: string): ParseResult {
  try {
    return { ok: true, terms: parseTokens(tokenize(expression)) };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { ok: false, error: { message: error.message, position: error.position } };
    throw error;
  }
}
