/**
 * The `logging` prefixes OpenCLIP has used (LOG_FORMATS section 2): classic `ts | LEVEL | msg`,
 * classic with host `ts |  host | LEVEL | msg` (two spaces), main `ts | LEVEL | logger.name | msg`
 * and 2021 `ts | LEVEL | Rank N | msg`.
 */
export type LogFlavour = 'classic' | 'classic-host' | 'main' | 'rank';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

export interface PrefixedLine {
  wallTime: number | null;
  level: LogLevel;
  message: string;
}

const TIMESTAMP = String.raw`(\d{4})-(\d{2})-(\d{2}),(\d{2}):(\d{2}):(\d{2})`;
const LEVEL = '(DEBUG|INFO|WARNING|ERROR|CRITICAL)';

// Anchored and dotAll: messages may themselves contain " | " (`End epoch 0 | Avg …`) or odd characters.
const PREFIX_PATTERNS: Record<LogFlavour, RegExp> = {
  'classic-host': new RegExp(String.raw`^${TIMESTAMP} \|  \S+ \| ${LEVEL} \| (.*)$`, 's'),
  main: new RegExp(String.raw`^${TIMESTAMP} \| ${LEVEL} \| [A-Za-z_][\w.]* \| (.*)$`, 's'),
  rank: new RegExp(String.raw`^${TIMESTAMP} \| ${LEVEL} \| Rank \d+ \| (.*)$`, 's'),
  classic: new RegExp(String.raw`^${TIMESTAMP} \| ${LEVEL} \| (.*)$`, 's'),
};

const DETECTION_ORDER: readonly LogFlavour[] = ['classic-host', 'main', 'rank', 'classic'];

const EMBEDDED_TIMESTAMP = /\d{4}-\d{2}-\d{2},\d{2}:\d{2}:\d{2} \| /;

/** Reads the naive local timestamp as if it were UTC; null for impossible dates. */
function readWallTime(match: RegExpExecArray): number | null {
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * Decides the file's prefix flavour from its first prefixed line. Checked most specific first, so a
 * classic file is only misread as main if its first message starts with `word | `, which header
 * messages never do.
 */
export function detectLogFlavour(line: string): LogFlavour | null {
  return DETECTION_ORDER.find((flavour) => PREFIX_PATTERNS[flavour].test(line)) ?? null;
}

/**
 * Splits a line into timestamp, level and message using the file's flavour; a line that lacks the
 * flavour's extra field (e.g. no `Rank N |`) falls back to the classic prefix.
 */
export function splitLogPrefix(line: string, flavour: LogFlavour): PrefixedLine | null {
  const match = PREFIX_PATTERNS[flavour].exec(line) ?? (flavour === 'classic' ? null : PREFIX_PATTERNS.classic.exec(line));
  if (!match) return null;
  return { wallTime: readWallTime(match), level: match[7] as LogLevel, message: match[8] };
}

/**
 * Where a prefixed record starts inside a line that has junk in front of it (another writer's output
 * glued on without a newline, Markdown `**`); -1 when there is none.
 */
export function findEmbeddedPrefix(line: string): number {
  const index = line.search(EMBEDDED_TIMESTAMP);
  return index > 0 ? index : -1;
}
