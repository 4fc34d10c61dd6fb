'use client';

import { useRef, useState, type DragEvent, type InputHTMLAttributes } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { UploadableFile } from '@/lib/upload/run-upload';
import { readDroppedEntries, readInputFiles, takeDroppedEntries } from './read-picked-files';

/** React has no typed prop for folder inputs; Chromium, Firefox and Safari all read these attributes. */
const DIRECTORY_INPUT = { webkitdirectory: '', directory: '' } as unknown as InputHTMLAttributes<HTMLInputElement>;

/** A drop zone for a run folder or its files, with "Choose folder" and "Choose files" fallbacks. */
export function RunFolderPicker({ disabled, onPick }: { disabled?: boolean; onPick: (files: UploadableFile[]) => void }) {
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    const entries = takeDroppedEntries(event.dataTransfer);
    setReadError(null);
    readDroppedEntries(entries).then(onPick, (error: unknown) => setReadError(error instanceof Error ? error.message : String(error)));
  };

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      data-testid="upload-drop-zone"
      className={cn(
        'flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm',
        dragging ? 'border-accent-500 bg-accent-50' : 'border-zinc-300 bg-zinc-50',
        disabled && 'opacity-60',
      )}
    >
      <p className="text-zinc-700">
        Drop a run folder here, or its files: <code className="font-mono text-xs">out.log</code>, <code className="font-mono text-xs">params.txt</code>,{' '}
        <code className="font-mono text-xs">checkpoints/results.jsonl</code>, <code className="font-mono text-xs">tensorboard/events.out.tfevents.*</code>
      </p>
      <div className="flex gap-2">
        <Button variant="primary" disabled={disabled} onClick={() => folderInput.current?.click()}>
          Choose folder
        </Button>
        <Button disabled={disabled} onClick={() => filesInput.current?.click()}>
          Choose files
        </Button>
      </div>
      <input
        ref={folderInput}
        type="file"
        aria-label="Run folder"
        className="sr-only"
        tabIndex={-1}
        disabled={disabled}
        {...DIRECTORY_INPUT}
        onChange={(event) => {
          onPick(readInputFiles(event.target.files));
          event.target.value = '';
        }}
      />
      <input
        ref={filesInput}
        type="file"
        multiple
        aria-label="Run files"
        className="sr-only"
        tabIndex={-1}
        disabled={disabled}
        onChange={(event) => {
          onPick(readInputFiles(event.target.files));
          event.target.value = '';
        }}
      />
      {readError && (
        <p role="alert" className="text-xs text-red-700">
          Could not read the dropped folder: {readError}
        </p>
      )}
    </div>
  );
}
