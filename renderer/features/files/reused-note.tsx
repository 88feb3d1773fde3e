import { regenerate } from './file-actions';
import { useFileJobs } from './file-jobs-store';

/** On an explanation copied from an earlier one of the same file: says so, with Regenerate one click away. */
export function ReusedNote({ messageId }: { messageId: string }) {
  const reused = useFileJobs((s) => s.reused[messageId]);
  if (!reused) return null;
  return (
    <p className="reused-note">
      <span className="reused-label" role="note" aria-label={`Reused: the saved explanation of ${reused.name}`}>
        Reused
      </span>
      <span className="reused-why">the same file was explained before with this model</span>
      <button type="button" aria-label={`Regenerate the explanation of ${reused.name}`} onClick={() => regenerate(messageId)}>
        Regenerate
      </button>
    </p>
  );
}
