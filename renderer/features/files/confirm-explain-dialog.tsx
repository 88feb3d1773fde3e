import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ExplanationPlanSummary } from '../../../shared/file-explanation';
import { ModalDialog } from '../../components/modal-dialog';
import { planFigures } from './plan-figures';

interface ConfirmExplainDialogProps {
  summary: ExplanationPlanSummary;
  onExplain(): void;
  onCancel(): void;
  /** In the page's flow rather than over it: the quick window is as tall as its content, so an overlay would be cut off. */
  inline?: boolean;
}

/** Asked before a large file costs anything: nothing is sent until Explain. */
export function ConfirmExplainDialog({ summary, onExplain, onCancel, inline = false }: ConfirmExplainDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Cancel holds the focus: an Enter pressed by habit must not spend money. On closing, the focus goes back where it was.
  useEffect(() => {
    const before = document.activeElement;
    cancel.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  const title = `Explain ${summary.fileName}?`;
  const body = (
    <>
      <p className="confirm-explain-lead">
        {summary.inline
          ? 'The whole file goes to the model in one request.'
          : `The file is larger than ${summary.model} can read at once, so it is explained part by part, then the parts combined.`}
      </p>
      <dl className="plan-figures">
        {planFigures(summary).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-buttons">
        <button type="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onExplain}>
          Explain
        </button>
      </div>
    </>
  );
  if (inline) return <InlineDialog title={title} onClose={onCancel}>{body}</InlineDialog>;
  return (
    <ModalDialog title={title} onClose={onCancel}>
      {body}
    </ModalDialog>
  );
}

function InlineDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const titleId = useId();
  return (
    <section role="dialog" aria-labelledby={titleId} className="confirm-explain-inline" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </section>
  );
}
