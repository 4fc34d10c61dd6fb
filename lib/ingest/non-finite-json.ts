const NON_FINITE_MARK = '\u0000non-finite:';
const NON_FINITE_VALUES: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** Replaces Python's bare NaN/Infinity/-Infinity tokens outside strings with marked JSON strings. */
function markNonFiniteTokens(text: string): string {
  let out = '';
  let inString = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text[index + 1] ?? '';
        index += 2;
        continue;
      }
      if (char === '"') inString = false;
      index += 1;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
      index += 1;
      continue;
    }
    const token = ['-Infinity', 'Infinity', 'NaN'].find((candidate) => text.startsWith(candidate, index));
    if (token) {
      out += JSON.stringify(NON_FINITE_MARK + token);
      index += token.length;
      continue;
    }
    out += char;
    index += 1;
  }
  return out;
}

/**
 * Parses one JSON document written by Python's `json.dumps`, which emits bare `NaN`, `Infinity` and
 * `-Infinity` for non-finite floats (invalid JSON); those become the JS numbers. Throws like JSON.parse.
 */
export function parseNonFiniteJson(text: string): unknown {
  return JSON.parse(markNonFiniteTokens(text), (_key, value: unknown) => {
    if (typeof value === 'string' && value.startsWith(NON_FINITE_MARK)) {
      return NON_FINITE_VALUES[value.slice(NON_FINITE_MARK.length)] ?? value;
    }
    return value;
  });
}
