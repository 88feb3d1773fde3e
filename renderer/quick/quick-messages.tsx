import type { Message } from '../../shared/domain';
import { LazyMarkdown } from '../components/lazy-markdown';
import { splitQuotedContext } from './quoted-context';
import { ReusedNote } from '../features/files/reused-note';
import { MessageAttachments } from '../features/files/message-attachments';

const statusNote: Partial<Record<Message['status'], string>> = { cancelled: 'Stopped', interrupted: 'Interrupted' };

/** The exchange so far: each question small and soft, its answer as in the main window. */
export function QuickMessages({ messages }: { messages: Message[] }) {
  return (
    <>
      {messages.map((m) =>
        m.role === 'user' ? (
          <QuickQuestion key={m.id} message={m} />
        ) : (
          <QuickAnswer key={m.id} message={m} />
        ),
      )}
    </>
  );
}

function QuickQuestion({ message }: { message: Message }) {
  const { context, question } = splitQuotedContext(message.content);
  return (
    <article className="quick-question" aria-label="You">
      <p className="user-text">{question}</p>
      {context && <blockquote className="quick-quote">{context}</blockquote>}
      <MessageAttachments conversationId={message.conversationId} messageId={message.id} />
    </article>
  );
}

function QuickAnswer({ message }: { message: Message }) {
  const note = statusNote[message.status];
  const streaming = message.status === 'streaming';
  return (
    <article className="quick-answer-text" aria-label={note ? `Assistant (${note.toLowerCase()})` : 'Assistant'} aria-busy={streaming}>
      {message.content === '' && streaming ? (
        <p className="thinking" aria-label="Waiting for the answer">
          <span className="dot" />
          <span className="dot" />
          <span className="dot" />
        </p>
      ) : (
        message.content !== '' && <LazyMarkdown text={message.content} />
      )}
      {note && <p className="message-note">{note}</p>}
      <ReusedNote message={message} />
      {message.error && (
        <div role="alert" className="message-error">
          {message.error.message}
        </div>
      )}
    </article>
  );
}
