import type { UnparsedLine } from '../metric-point';
import { splitTextLines } from '../split-lines';
import { createUnparsedCollector } from '../unparsed-lines';
import type { OutLogRunInfo } from './out-log-parser';
import { deriveRunInfoFromParams } from './run-info-from-params';

export interface ParamsTxtResult {
  /** Raw values as written (`None`, `''`, a TAB, Python reprs), keyed by argument name. */
  params: Record<string, string>;
  info: Omit<OutLogRunInfo, 'launches' | 'errors'>;
  unparsed: UnparsedLine[];
}

const KEY = /^[A-Za-z_][\w.-]*$/;

/**
 * Parses OpenCLIP's `params.txt` (LOG_FORMATS section 8): one `key: value` per line, split on the
 * first `": "` because values may contain it; `key: ` or a trimmed `key:` is an empty value, and a
 * lone TAB (`csv_separator`) is kept as is. A repeated key keeps its last value.
 */
export function parseParamsTxt(text: string): ParamsTxtResult {
  const params: Record<string, string> = {};
  const unparsed = createUnparsedCollector();
  splitTextLines(text).forEach((line, index) => {
    if (line.trim() === '') return;
    const separator = line.indexOf(': ');
    const key = separator > 0 ? line.slice(0, separator) : line.endsWith(':') ? line.slice(0, -1) : '';
    if (!KEY.test(key) || key === '__proto__') {
      unparsed.add(index + 1, line, 'not a "key: value" line');
      return;
    }
    params[key] = separator > 0 ? line.slice(separator + 2) : '';
  });
  return { params, info: deriveRunInfoFromParams(params), unparsed: unparsed.lines };
}
