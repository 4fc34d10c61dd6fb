/**
 * Import progress on stderr, in bytes and lines. On a terminal one bar is redrawn in place (at most
 * ten times a second); otherwise (CI, a log file) a plain line is printed at each file and every 10%.
 */
import type { OutputStream } from './cli-io';
import { formatBytes } from '../lib/format/bytes';
import { formatCount } from './format-units';

export interface ProgressState {
  doneBytes: number;
  totalBytes: number;
  lines: number;
  label: string;
}

export function renderProgress(state: ProgressState, width = 24): string {
  const fraction = state.totalBytes > 0 ? Math.min(1, state.doneBytes / state.totalBytes) : 1;
  const filled = Math.round(fraction * width);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `[${bar}] ${percent} ${formatBytes(state.doneBytes)}/${formatBytes(state.totalBytes)} · ${formatCount(state.lines)} lines · ${state.label}`;
}

export class ProgressBar {
  private readonly state: ProgressState;
  private lastDraw = 0;
  private lastDecile = -1;
  private drawn = false;

  constructor(
    private readonly stream: OutputStream,
    totalBytes: number,
    private readonly now: () => number = Date.now,
  ) {
    this.state = { doneBytes: 0, totalBytes, lines: 0, label: '' };
  }

  setLabel(label: string): void {
    this.state.label = label;
    if (this.stream.isTTY) this.draw(true);
    else this.stream.write(`${renderProgress(this.state)}\n`);
  }

  advance(bytes: number, lines = 0): void {
    this.state.doneBytes += bytes;
    this.state.lines += lines;
    if (this.stream.isTTY) return this.draw(false);
    const decile = Math.floor((10 * this.state.doneBytes) / Math.max(1, this.state.totalBytes));
    if (decile > this.lastDecile && decile < 10) {
      this.lastDecile = decile;
      this.stream.write(`${renderProgress(this.state)}\n`);
    }
  }

  /** Prints a message above the bar without garbling it. */
  log(text: string): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.stream.write(text);
    if (this.drawn) this.draw(true);
  }

  finish(): void {
    if (this.stream.isTTY) {
      this.draw(true);
      this.stream.write('\n');
      this.drawn = false;
    } else {
      this.stream.write(`${renderProgress({ ...this.state, label: 'done' })}\n`);
    }
  }

  private draw(force: boolean): void {
    const now = this.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.drawn = true;
    this.stream.write(`\r\x1b[2K${renderProgress(this.state)}`);
  }
}
