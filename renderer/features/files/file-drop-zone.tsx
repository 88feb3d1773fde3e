import type { DropTarget } from './dropped-files';
import { DropOverlay } from './drop-overlay';
import { dropFiles } from './file-actions';
import { useFileDrop } from './use-file-drop';

/** Makes the whole window take dropped files; `fallback` is what a drop outside any marked element does. */
export function FileDropZone({ fallback }: { fallback: DropTarget }) {
  const drag = useFileDrop(fallback, dropFiles);
  return <DropOverlay drag={drag} />;
}
