/** What the server said about one followed file, summed over its acknowledgements. */
import type { UnparsedLine } from '../lib/ingest/metric-point';

export interface ChunkAck {
  offset: number;
  pendingBytes?: number;
  linesParsed?: number;
  pointsWritten?: number;
  unparsedCount?: number;
  unparsed?: UnparsedLine[];
}

export interface FollowTotals {
  bytesSent: number;
  linesParsed: number;
  pointsWritten: number;
  unparsedCount: number;
  /** The first lines the server did not understand. */
  unparsed: UnparsedLine[];
}

const KEEP_UNPARSED = 20;

export function createFollowTotals(): FollowTotals {
  return { bytesSent: 0, linesParsed: 0, pointsWritten: 0, unparsedCount: 0, unparsed: [] };
}

/** `covered`: bytes of the file this acknowledgement newly put on the server. */
export function addAck(totals: FollowTotals, ack: ChunkAck, covered: number): void {
  totals.bytesSent += covered;
  totals.linesParsed += ack.linesParsed ?? 0;
  totals.pointsWritten += ack.pointsWritten ?? 0;
  totals.unparsedCount += ack.unparsedCount ?? 0;
  for (const line of ack.unparsed ?? []) if (totals.unparsed.length < KEEP_UNPARSED) totals.unparsed.push(line);
}
