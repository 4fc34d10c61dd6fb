import type { FoundRunFile, IgnoredRunFile, RunFileKind } from '@/lib/upload/classify-run-files';
import type { UploadableFile } from '@/lib/upload/run-upload';
import { formatBytes } from '@/lib/format/bytes';
import { Badge } from '@/components/ui/badge';

export const KIND_LABELS: Record<RunFileKind, string> = {
  params: 'config',
  outLog: 'training log',
  results: 'eval results',
  tfevents: 'TensorBoard',
};

/** What the picked folder holds: the files that will be sent, in order, and the ones left out and why. */
export function PickedFilesList({ found, ignored }: { found: FoundRunFile<UploadableFile>[]; ignored: IgnoredRunFile<UploadableFile>[] }) {
  return (
    <div className="grid gap-4 text-sm md:grid-cols-2">
      <div>
        <h3 className="mb-1 font-medium text-zinc-800">Will be uploaded ({found.length})</h3>
        {found.length === 0 ? (
          <p className="text-zinc-600">No run files found: pick the folder that holds out.log and params.txt.</p>
        ) : (
          <ul aria-label="Files to upload" className="space-y-1">
            {found.map((file) => (
              <li key={file.relativePath} className="flex items-center gap-2">
                <Badge tone="accent">{KIND_LABELS[file.kind]}</Badge>
                <code className="min-w-0 truncate font-mono text-xs" title={file.relativePath}>
                  {file.relativePath}
                </code>
                <span className="ml-auto shrink-0 text-xs tabular-nums text-zinc-500">{formatBytes(file.item.size)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {ignored.length > 0 && (
        <div>
          <h3 className="mb-1 font-medium text-zinc-800">Ignored ({ignored.length})</h3>
          <ul aria-label="Ignored files" className="max-h-40 space-y-1 overflow-y-auto">
            {ignored.map((file) => (
              <li key={file.relativePath} className="flex gap-2 text-xs text-zinc-600">
                <code className="min-w-0 truncate font-mono" title={file.relativePath}>
                  {file.relativePath}
                </code>
                <span className="shrink-0">— {file.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
