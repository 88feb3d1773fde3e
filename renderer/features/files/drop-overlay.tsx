import './files.css';
import type { DragState } from './use-file-drop';

/**
 * Says what a drop will do while files are dragged over the window. It never
 * takes the pointer (pointer-events: none), so the element under the pointer
 * stays the drop's target and the composer can still be told apart.
 */
export function DropOverlay({ drag }: { drag: DragState | null }) {
  if (!drag) return null;
  const { frame } = drag;
  // Framing the composer, not the window, shows the file joins this conversation; the card sits just above it.
  // Drawn just inside the element's box: the composer's box reaches the window's edges, its padding does not.
  const frameStyle = frame ? { top: frame.top + 4, left: frame.left + 12, width: frame.width - 24, height: frame.height - 8 } : undefined;
  const cardStyle = frame ? { position: 'absolute' as const, bottom: window.innerHeight - frame.top + 12, left: frame.left + frame.width / 2, transform: 'translateX(-50%)', width: 'max-content' } : undefined;
  return (
    <div className={`drop-overlay drop-overlay-${drag.target}`}>
      <div className="drop-overlay-frame" style={frameStyle} />
      <div className="drop-overlay-card" style={cardStyle} role="status" aria-live="polite">
        <span className="drop-overlay-icon" aria-hidden="true">
          ⇩
        </span>
        <span className="drop-overlay-text">{drag.message}</span>
      </div>
    </div>
  );
}
