/** Where a drop lands decides what happens to the files. */
export type DropTarget = 'window' | 'composer' | 'quick';

/** One thing dropped: a file, or a directory whose files are offered. */
export type DroppedItem = { kind: 'file'; file: File } | { kind: 'directory'; name: string; files: File[]; more: number };

/** What the overlay can say while dragging: Chromium hides file names until the drop, so often only the count. */
export interface DragPreview {
  count: number;
  /** The name when the page may read it (a script-made DataTransfer, some platforms), else null. */
  name: string | null;
}

/** A directory's listing is capped: offering thousands of buttons helps no one. */
const maxOffered = 200;

export function hasFiles(dt: DataTransfer | null): dt is DataTransfer {
  return !!dt && Array.from(dt.types).includes('Files');
}

export function previewOf(dt: DataTransfer): DragPreview {
  const files = Array.from(dt.items).filter((i) => i.kind === 'file');
  const count = files.length || dt.files.length;
  const name = dt.files.length === 1 ? dt.files[0]!.name : null;
  return { count: Math.max(count, 1), name };
}

/**
 * The drop's files and directories. Entries must be taken synchronously in
 * the drop handler (the DataTransfer is emptied once it returns), then
 * directories are listed at leisure.
 */
export async function droppedItems(dt: DataTransfer): Promise<DroppedItem[]> {
  const taken = Array.from(dt.items)
    .filter((i) => i.kind === 'file')
    .map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  if (taken.length === 0) return Array.from(dt.files).map((file) => ({ kind: 'file', file }));
  const items: DroppedItem[] = [];
  for (const { entry, file } of taken) {
    if (entry?.isDirectory) items.push(await listDirectory(entry as FileSystemDirectoryEntry));
    else if (file) items.push({ kind: 'file', file });
  }
  return items;
}

async function listDirectory(dir: FileSystemDirectoryEntry): Promise<DroppedItem> {
  const reader = dir.createReader();
  const entries: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject)).catch(() => []);
    if (batch.length === 0 || entries.length >= maxOffered) break;
    entries.push(...batch);
  }
  const fileEntries = entries.filter((e): e is FileSystemFileEntry => e.isFile).sort((a, b) => a.name.localeCompare(b.name));
  const shown = fileEntries.slice(0, maxOffered);
  const files = await Promise.all(shown.map((e) => new Promise<File | null>((resolve) => e.file(resolve, () => resolve(null)))));
  return { kind: 'directory', name: dir.name, files: files.filter((f): f is File => f !== null), more: Math.max(0, fileEntries.length - shown.length) };
}

/** What the overlay says will happen. */
export function dropMessage(target: DropTarget, preview: DragPreview): string {
  const what = preview.count === 1 && preview.name ? preview.name : preview.count === 1 ? 'this file' : `${preview.count} files`;
  if (target === 'composer') return `Drop to attach ${what} to this conversation`;
  if (target === 'quick') return `Drop to explain ${what} here`;
  return preview.count === 1 ? `Drop to explain ${what}` : `Drop to explain ${what}, each in a new conversation`;
}
