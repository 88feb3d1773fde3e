import { useEffect, useRef } from 'react';
import type { ExplanationPlanSummary } from '../../../shared/file-explanation';
import { ModalDialog } from '../../components/modal-dialog';
import { planFigures } from './plan-figures';

interface ConfirmExplainDialogProps {
  summary: ExplanationPlanSummary;
  onExplain(): void;
  onCancel(): void;
}

/** Asked before a large file costs anything: nothing is sent until Explain. */
export function ConfirmExplainDialog({ summary, onExplain, onCancel }: ConfirmExplainDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Cancel holds the focus: an Enter pressed by habit must not spend money.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <ModalDialog title={`Explain ${summary.fileName}?`} onClose={onCancel}>
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
    </ModalDialog>
  );
}
