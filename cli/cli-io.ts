/** The streams and environment a command runs with; tests pass their own to read what was printed. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Environment variables as the CLI reads them (process.env, or a test's own). */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Environment;
}

export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  /** Warns the first time only for a given key (a file that stays unreadable, a missing route). */
  warnOnce(key: string, message: string): void;
}

/** Messages go to stderr so stdout stays for the summary; watch prefixes a clock time. */
export function createReporter(options: { write: (text: string) => void; quiet?: boolean; timestamps?: boolean }): Reporter {
  const warned = new Set<string>();
  const stamp = () => (options.timestamps ? `[${new Date().toTimeString().slice(0, 8)}] ` : '');
  const warn = (message: string) => options.write(`${stamp()}warning: ${message}\n`);
  return {
    info: (message) => {
      if (!options.quiet) options.write(`${stamp()}${message}\n`);
    },
    warn,
    warnOnce: (key, message) => {
      if (warned.has(key)) return;
      warned.add(key);
      warn(message);
    },
  };
}
