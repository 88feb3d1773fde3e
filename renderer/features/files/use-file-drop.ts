import { useEffect, useState } from 'react';
import { droppedItems, dropMessage, hasFiles, previewOf, type DropTarget, type DroppedItem } from './dropped-files';

/** Marks an element whose drops mean something else than the window's (the composer: attach). */
export const dropTargetAttribute = 'data-drop-target';

export interface DragState {
  target: DropTarget;
  message: string;
  /** Where the marked element is, so the overlay can frame it rather than the whole window. */
  frame: { top: number; left: number; width: number; height: number } | null;
}

function targetOf(node: EventTarget | null, fallback: DropTarget): { target: DropTarget; element: Element | null } {
  const element = node instanceof Element ? node.closest(`[${dropTargetAttribute}]`) : null;
  return { target: (element?.getAttribute(dropTargetAttribute) as DropTarget | null) ?? fallback, element };
}

function frameOf(element: Element | null): DragState['frame'] {
  if (!element) return null;
  const r = element.getBoundingClientRect();
  return { top: r.top, left: r.left, width: r.width, height: r.height };
}

const sameFrame = (a: DragState['frame'], b: DragState['frame']) =>
  a === b || (!!a && !!b && a.top === b.top && a.left === b.left && a.width === b.width && a.height === b.height);

/**
 * File drops anywhere on the page: while files are dragged over it, what a
 * drop would do (for the overlay); on drop, the files and where they landed.
 * Listens on the document so no element can swallow a drop, and a drop that
 * is not handled never makes the browser open the file in place of Parley.
 */
export function useFileDrop(fallback: DropTarget, onDrop: (target: DropTarget, items: DroppedItem[]) => void): DragState | null {
  const [drag, setDrag] = useState<DragState | null>(null);

  useEffect(() => {
    // enter/leave fire for every child crossed; a depth count tells when the drag really left the window.
    let depth = 0;
    const over = (e: DragEvent) => {
      if (!hasFiles(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      const { target, element } = targetOf(e.target, fallback);
      const message = dropMessage(target, previewOf(e.dataTransfer));
      const frame = frameOf(element);
      // dragover repeats every few milliseconds: only a change re-renders.
      setDrag((d) => (d?.target === target && d.message === message && sameFrame(d.frame, frame) ? d : { target, message, frame }));
    };
    const enter = (e: DragEvent) => {
      if (!hasFiles(e.dataTransfer)) return;
      depth += 1;
      over(e);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDrag(null);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth = 0;
      setDrag(null);
      const { target } = targetOf(e.target, fallback);
      void droppedItems(e.dataTransfer).then((items) => items.length && onDrop(target, items));
    };
    const end = () => {
      depth = 0;
      setDrag(null);
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    window.addEventListener('dragend', end);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
      window.removeEventListener('dragend', end);
    };
  }, [fallback, onDrop]);

  return drag;
}
