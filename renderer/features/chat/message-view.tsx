import type { Message } from '../../../shared/domain';
import { LazyMarkdown } from '../../components/lazy-markdown';
import { useBranchStore } from '../../stores/branch-store';
import { useFoundMessage } from '../search/found-message';
import { MessageActions } from './message-actions';
import { MessageEditor } from './message-editor';
import { MessageAttachments } from '../files/message-attachments';
import { ReusedNote } from '../files/reused-note';
import { MessageCost } from '../usage/message-cost';

const statusNote: Partial<Record<Message['status'], string>> = {
  cancelled: 'Stopped',
  interrupted: 'Interrupted',
};

export function MessageView({ message }: { message: Message }) {
  const who = message.role === 'user' ? 'You' : 'Assistant';
  const streaming = message.status === 'streaming';
  const note = statusNote[message.status];
  const editing = useBranchStore((s) => s.editingId === message.id);
  const found = useFoundMessage((s) => s.messageId === message.id);
  return (
    <article
      className={`message message-${message.role}${found ? ' message-found' : ''}`}
      data-message-id={message.id}
      // Focusable while marked, so a search that opened the message can take the focus to it.
      tabIndex={found ? -1 : undefined}
      aria-label={note ? `${who} (${note.toLowerCase()})` : who}
      aria-busy={streaming}
    >
      <div className="message-author" aria-hidden="true">
        {who}
      </div>
      <div className="message-body">
        {message.role === 'user' ? (
          editing ? (
            <MessageEditor message={message} />
          ) : (
            <p className="user-text">{message.content}</p>
          )
        ) : message.content === '' && streaming ? (
          <p className="thinking" aria-label="Waiting for the answer">
            <span className="dot" />
            <span className="dot" />
            <span className="dot" />
          </p>
        ) : (
          <LazyMarkdown text={message.content} />
        )}
      </div>
      {message.role === 'user' && <MessageAttachments conversationId={message.conversationId} messageId={message.id} />}
      {note && message.status !== 'interrupted' && <p className="message-note">{note}</p>}
      {message.status === 'complete' && message.finishReason === 'length' && <p className="message-note">Cut off at the length limit</p>}
      {/* Which model wrote it: not always the conversation's, since a fallback may have answered. */}
      {message.role === 'assistant' && message.model && !streaming && (
        <p className="message-note message-model" role="note" aria-label={`Written by ${message.model}`}>
          {message.model}
        </p>
      )}
      <MessageCost message={message} />
      {message.error && (
        <div role="alert" className="message-error">
          {message.error.message}
        </div>
      )}
      {message.role === 'assistant' && <ReusedNote message={message} />}
      {!editing && <MessageActions message={message} />}
    </article>
  );
}
