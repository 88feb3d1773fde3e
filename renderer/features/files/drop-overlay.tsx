import './files.css';
import { useEffect } from 'react';
import type { DragState } from './use-file-drop';

/**
 * Says what a drop will do while files are dragged over the window. It never
 * takes the pointer (pointer-events: none), so the element under the pointer
 * stays the drop's target and the composer can still be told apart.
 */
export function DropOverlay({ drag }: { drag: DragState | null }) {
  const target = drag?.target;
  // Marks the page too, so the element a drop will join (the composer) can light up under the overlay.
  useEffect(() => {
    if (!target) return;
    document.documentElement.dataset.dropActive = target;
    return () => void delete document.documentElement.dataset.dropActive;
  }, [target]);
  if (!drag) return null;
  return (
    <div className={`drop-overlay drop-overlay-${drag.target}`} role="status" aria-live="polite">
      <div className="drop-overlay-card">
        <span className="drop-overlay-icon" aria-hidden="true">
          ⇩
        </span>
        <span className="drop-overlay-text">{drag.message}</span>
      </div>
    </div>
  );
}
