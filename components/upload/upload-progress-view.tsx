import { cn } from '@/components/ui/cn';
import { formatBytes } from '@/lib/format/bytes';
import { percentOf, summarizeProgress, type UploadPhase, type UploadProgress } from '@/lib/upload/upload-progress';

const PHASE_LABELS: Record<UploadPhase, string> = {
  'checking-key': 'Checking the API key…',
  'creating-run': 'Creating the run…',
  sending: 'Sending files…',
  finishing: 'Marking the run finished…',
  done: 'Upload complete',
};

function Bar({ label, percent, large }: { label: string; percent: number; large?: boolean }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={cn('w-full overflow-hidden rounded-full bg-zinc-200', large ? 'h-2.5' : 'h-1.5')}
    >
      <div className="h-full rounded-full bg-accent-600 transition-[width] duration-300" style={{ width: `${percent}%` }} />
    </div>
  );
}

/** Overall and per-file progress, with the lines parsed and points stored that the server reports. */
export function UploadProgressView({ progress }: { progress: UploadProgress }) {
  const summary = summarizeProgress(progress);
  const count = (value: number) => value.toLocaleString('en-US');
  return (
    <div className="space-y-3" aria-live="polite">
      <div className="space-y-1.5">
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
          <span className="font-medium text-zinc-800">{PHASE_LABELS[progress.phase]}</span>
          <span className="tabular-nums text-zinc-600" data-testid="upload-bytes">
            {formatBytes(summary.sentBytes)} of {formatBytes(summary.totalBytes)} · {summary.percent}%
          </span>
        </div>
        <Bar label="Upload progress" percent={summary.percent} large />
        <p className="text-xs tabular-nums text-zinc-600" data-testid="upload-counts">
          {count(summary.linesParsed)} lines parsed · {count(summary.pointsWritten)} points stored
          {summary.unparsed > 0 && ` · ${count(summary.unparsed)} lines not understood`}
        </p>
        {progress.retry && (
          <p className="text-xs text-amber-800" role="status">
            {progress.retry.reason}: trying again in {Math.ceil(progress.retry.delayMs / 1000)} s (attempt {progress.retry.attempt + 1})
          </p>
        )}
      </div>
      <ul className="space-y-2" aria-label="Files">
        {progress.files.map((file) => (
          <li key={file.relativePath} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 text-xs">
            <code className="truncate font-mono" title={file.relativePath}>
              {file.relativePath}
            </code>
            <span className="tabular-nums text-zinc-500">
              {file.status === 'waiting' ? 'waiting' : `${formatBytes(file.sentBytes)} / ${formatBytes(file.size)}`}
              {file.pointsWritten > 0 && ` · ${count(file.pointsWritten)} points`}
              {file.skippedBytes > 0 && ` · ${formatBytes(file.skippedBytes)} already stored`}
            </span>
            <div className="col-span-2">
              <Bar label={`${file.relativePath} progress`} percent={percentOf(file.sentBytes, file.size, file.status === 'done')} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
