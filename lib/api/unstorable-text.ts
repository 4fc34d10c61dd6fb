import 'server-only';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function problemOf(text: string): string | null {
  if (text.includes('\u0000')) return 'a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'an unpaired UTF-16 surrogate (not Unicode text)';
  return null;
}

/**
 * A string (or object key) of a parsed JSON body that no database can store: PostgreSQL's text and
 * jsonb refuse NUL and unpaired surrogates, which JSON's `\u0000` and `\ud800` escapes can still
 * produce. Refusing them at the JSON boundary gives one clear 400 on both databases instead of a
 * failed write. Only containers go on an explicit stack (strings are checked where they are met), so
 * deep nesting cannot overflow the call stack and a long array costs no per-item allocation.
 */
export function findUnstorableText(value: unknown, root = 'body'): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    return problem ? { path: root, problem } : null;
  }
  const stack: [object, string][] = typeof value === 'object' && value !== null ? [[value, root]] : [];
  while (stack.length > 0) {
    const [container, path] = stack.pop()!;
    for (const [key, item] of Object.entries(container)) {
      if (!Array.isArray(container)) {
        const problem = problemOf(key);
        if (problem) return { path, problem: `a key with ${problem}` };
      }
      if (typeof item === 'string') {
        const problem = problemOf(item);
        if (problem) return { path: `${path}.${key}`, problem };
      } else if (typeof item === 'object' && item !== null) {
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return null;
}
