/**
 * Keeps a small whole-file source (params.txt, checkpoints/results.jsonl) in step with the server:
 * the file is PUT again whenever its size, mtime or inode change. A whole-file PUT replaces what the
 * server had, so re-sending is harmless; an unfinished last line (the trainer mid-write) is held back.
 */
import { readFile, stat } from 'node:fs/promises';
import { explainFileFailure } from './explain-failure';

export interface WholeFileResult {
  pointsWritten: number;
  rows: number;
  unparsedCount: number;
  unparsed: { line: number; text: string; reason: string }[];
}

export class WholeFileSync {
  private signature = '';
  private sentText = '';
  lastResult: WholeFileResult | null = null;
  bytesSent = 0;

  constructor(
    private readonly path: string,
    private readonly upload: (text: string) => Promise<WholeFileResult>,
    private readonly onText?: (text: string) => void,
    /** An unfinished last line younger than this is held back; 0 sends the file as it is. */
    private readonly settleMs = 5_000,
  ) {}

  /** Sends the file again at the next poll (the server lost it: the run was re-created). */
  forget(): void {
    this.signature = '';
    this.sentText = '';
  }

  /** Uploads the file if it changed since the last upload; returns true when it did. */
  async poll(): Promise<boolean> {
    let signature: string;
    let settled: boolean;
    try {
      const info = await stat(this.path);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      signature = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
      settled = Date.now() - info.mtimeMs >= this.settleMs;
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return false;
      throw explainFileFailure(this.path, error);
    }
    if (signature === this.signature) return false;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      throw explainFileFailure(this.path, error);
    }
    const complete = settled ? text : text.slice(0, text.lastIndexOf('\n') + 1);
    if (complete === '') return false;
    if (complete === this.sentText) {
      if (complete === text) this.signature = signature;
      return false;
    }
    this.onText?.(complete);
    this.lastResult = await this.upload(complete);
    this.bytesSent = Buffer.byteLength(complete);
    this.sentText = complete;
    if (complete === text) this.signature = signature;
    return true;
  }
}
