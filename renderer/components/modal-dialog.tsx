import { useId, type ReactNode } from 'react';

interface ModalDialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
}

/** A modal named by its heading: Escape or a click outside closes it. */
export function ModalDialog({ title, onClose, children }: ModalDialogProps) {
  const titleId = useId();
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="dialog" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** The Cancel and Save pair at the foot of a form in a dialog; Save submits the form. */
export function SaveCancelButtons({ onCancel, saveDisabled }: { onCancel(): void; saveDisabled: boolean }) {
  return (
    <div className="dialog-buttons">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={saveDisabled}>
        Save
      </button>
    </div>
  );
}
