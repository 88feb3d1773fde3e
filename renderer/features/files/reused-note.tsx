import type { Message } from '../../../shared/domain';
import { useAttachments } from './attachments-store';
import { regenerate } from './file-actions';
import { useFileJobs } from './file-jobs-store';

/**
 * On an explanation copied from an earlier one of the same file: says so.
 * Regenerate is one click away while this window still has the file it
 * read; in a conversation opened later, the answer's own Regenerate asks again.
 */
export function ReusedNote({ message }: { message: Message }) {
  const here = useFileJobs((s) => s.reused[message.id]);
  // The question the answer follows carries the file: its name, for a reused answer from an earlier session.
  const stored = useAttachments((s) => (message.reused ? s.byConversation[message.conversationId]?.find((a) => a.messageId === message.parentId)?.name : undefined));
  const name = here?.name ?? stored;
  if (!here && !message.reused) return null;
  return (
    <p className="reused-note">
      <span className="reused-label" role="note" aria-label={name ? `Reused: the saved explanation of ${name}` : 'Reused: a saved explanation of this file'}>
        Reused
      </span>
      <span className="reused-why">the same file was explained before with this model</span>
      {here && (
        <button type="button" aria-label={`Regenerate the explanation of ${here.name}`} onClick={() => regenerate(message.id)}>
          Regenerate
        </button>
      )}
    </p>
  );
}
