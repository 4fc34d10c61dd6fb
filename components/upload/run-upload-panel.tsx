'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { ErrorNotice } from '@/components/ui/error-notice';
import { useRunUpload } from '@/lib/queries/upload';
import { pageUrls } from '@/lib/queries/urls';
import { runKeySchema } from '@/lib/schemas/run';
import { classifyRunFiles, type RunFolderContents } from '@/lib/upload/classify-run-files';
import type { UploadableFile } from '@/lib/upload/run-upload';
import { DEFAULT_CHUNK_BYTES, planUpload } from '@/lib/upload/upload-plan';
import { summarizeProgress } from '@/lib/upload/upload-progress';
import { ApiKeyForm, inputClasses } from './api-key-form';
import { PickedFilesList } from './picked-files-list';
import { RunFolderPicker } from './run-folder-picker';
import { UploadProgressView } from './upload-progress-view';
import { useSessionApiKey } from './use-session-api-key';

/**
 * Uploads an OpenCLIP run folder from the browser through the ingestion API, as the CLI's import
 * does: key check, run, params.txt, out.log in chunks, results.jsonl, event files. `chunkBytes` is
 * for tests that want several chunks from a small file. Collapsed until opened, unless `defaultOpen`.
 */
export function RunUploadPanel({ slug, defaultOpen = false, chunkBytes = DEFAULT_CHUNK_BYTES }: { slug: string; defaultOpen?: boolean; chunkBytes?: number }) {
  const [apiKey, setApiKey] = useSessionApiKey(slug);
  const [contents, setContents] = useState<RunFolderContents<UploadableFile> | null>(null);
  const [runKeyEdit, setRunKeyEdit] = useState<string | null>(null);
  const [markFinished, setMarkFinished] = useState(true);
  const upload = useRunUpload(slug);

  const runKey = runKeyEdit ?? contents?.folderName ?? '';
  const runKeyCheck = runKeySchema.safeParse(runKey);
  const runKeyError = runKey === '' ? 'Give the run a key (the folder name is used when you pick a folder).' : runKeyCheck.error?.issues[0]?.message;
  const busy = upload.isSending;
  const canStart = Boolean(apiKey) && (contents?.found.length ?? 0) > 0 && !runKeyError && !busy;

  const pick = (files: UploadableFile[]) => {
    setContents(classifyRunFiles(files));
    setRunKeyEdit(null);
    upload.reset();
  };
  const start = () => {
    if (!apiKey || !contents) return;
    upload.start({ key: apiKey, runKey, files: planUpload(contents.found), finalStatus: markFinished ? 'finished' : null, chunkBytes });
  };

  return (
    <section aria-label="Upload a run folder" className="rounded-lg border border-zinc-200 bg-white shadow-xs">
      <details open={defaultOpen || undefined} className="group">
        <summary className="cursor-pointer select-none px-4 py-2.5 text-sm font-semibold text-zinc-900 group-open:border-b group-open:border-zinc-200">
          Upload a run folder
        </summary>
        <div className="space-y-4 p-4">
          <ApiKeyForm slug={slug} apiKey={apiKey} onChange={setApiKey} />
          <RunFolderPicker disabled={busy} onPick={pick} />
          {contents && (
            <div className="space-y-4">
              <PickedFilesList found={contents.found} ignored={contents.ignored} />
              <div className="flex flex-wrap items-end gap-4">
                <div className="w-full max-w-md space-y-1">
                  <label htmlFor={`upload-run-key-${slug}`} className="block text-sm font-medium text-zinc-800">
                    Run key
                  </label>
                  <input
                    id={`upload-run-key-${slug}`}
                    value={runKey}
                    disabled={busy}
                    onChange={(event) => setRunKeyEdit(event.target.value)}
                    aria-invalid={runKeyError ? true : undefined}
                    aria-describedby={`upload-run-key-${slug}-hint`}
                    className={`${inputClasses} font-mono`}
                  />
                  <p id={`upload-run-key-${slug}-hint`} className={runKeyError ? 'text-xs text-red-700' : 'text-xs text-zinc-500'}>
                    {runKeyError ?? 'Uploading to an existing key adds to that run; bytes it already has are skipped.'}
                  </p>
                </div>
                <label className="flex items-center gap-2 pb-6 text-sm text-zinc-700">
                  <input type="checkbox" checked={markFinished} disabled={busy} onChange={(event) => setMarkFinished(event.target.checked)} />
                  Mark the run finished afterwards
                </label>
              </div>
              <div className="flex items-center gap-2">
                <Button variant="primary" disabled={!canStart} onClick={start}>
                  Upload
                </Button>
                {busy && <Button onClick={upload.cancel}>Cancel</Button>}
                {!apiKey && <span className="text-xs text-zinc-500">Enter the project&apos;s API key first.</span>}
              </div>
            </div>
          )}
          {upload.progress && <UploadProgressView progress={upload.progress} />}
          {upload.isDone && upload.runKey !== null && upload.progress && (
            <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
              <span>
                Uploaded run <strong className="font-mono">{upload.runKey}</strong>: {summarizeProgress(upload.progress).pointsWritten.toLocaleString('en-US')} points stored.
              </span>
              <Link href={pageUrls.run(slug, upload.runKey)} className={buttonClasses('secondary', 'sm')}>
                Open run {upload.runKey}
              </Link>
            </div>
          )}
          {upload.wasCancelled && (
            <p role="status" className="text-sm text-amber-800">
              Upload cancelled. What was sent is stored; upload the same folder again to continue where it stopped.
            </p>
          )}
          {upload.error && <ErrorNotice error={upload.error} title="The upload stopped" onRetry={canStart ? start : undefined} />}
        </div>
      </details>
    </section>
  );
}
