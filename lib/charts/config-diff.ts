/**
 * The config diff of the compare view: one row per params.txt key present in any run, with each
 * run's raw value (null when the run lacks the key or has no params.txt) and whether they differ.
 * Equality is numeric-aware, because Python writes the same learning rate as `0.0005` in one run and
 * `5e-04` in another: two values that both read as finite numbers are equal when the numbers are;
 * otherwise the trimmed strings are compared. A key missing from some runs differs.
 */
export interface ConfigDiffRow {
  key: string;
  values: (string | null)[];
  differs: boolean;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function comparable(value: string): string {
  const trimmed = value.trim();
  if (NUMBER.test(trimmed)) {
    const number = Number(trimmed);
    if (Number.isFinite(number)) return `#${number}`;
  }
  return `'${trimmed}`;
}

export function configValuesEqual(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return comparable(a) === comparable(b);
}

const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

export function diffConfigs(configs: readonly (Readonly<Record<string, string>> | null)[]): ConfigDiffRow[] {
  const keys = new Set<string>();
  for (const config of configs) for (const key of Object.keys(config ?? {})) keys.add(key);
  return [...keys].sort(naturalOrder).map((key) => {
    const values = configs.map((config) => (config && Object.hasOwn(config, key) ? config[key]! : null));
    return { key, values, differs: values.some((value) => !configValuesEqual(value, values[0]!)) };
  });
}
