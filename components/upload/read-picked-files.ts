/**
 * Turns what the browser hands over (a FileList from an input, or the items of a drop) into files
 * with their path inside the picked folder. Reading a dropped folder walks FileSystemEntry objects
 * asynchronously; no file content is read here.
 */
import type { UploadableFile } from '@/lib/upload/run-upload';

function fromFile(file: File, path: string): UploadableFile {
  return { path, size: file.size, blob: file };
}

/** Files of an `<input type=file>`; with `webkitdirectory` each carries its path from the folder. */
export function readInputFiles(list: FileList | null): UploadableFile[] {
  return Array.from(list ?? [], (file) => fromFile(file, file.webkitRelativePath || file.name));
}

/**
 * Entries must be taken from the DataTransfer during the drop event itself (the list empties
 * afterwards); the walk that follows may take its time.
 */
export function takeDroppedEntries(dataTransfer: DataTransfer): FileSystemEntry[] {
  return Array.from(dataTransfer.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
}

export async function readDroppedEntries(entries: readonly FileSystemEntry[]): Promise<UploadableFile[]> {
  const files: UploadableFile[] = [];
  for (const entry of entries) await walk(entry, files);
  return files;
}

async function walk(entry: FileSystemEntry, into: UploadableFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    into.push(fromFile(file, entry.fullPath));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches (100 in Chromium) until it returns an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, into);
  }
}
