import { useEffect, useRef } from 'react';
import type { Message } from '../../../shared/domain';
import { MessageView } from './message-view';
import { useStickToBottom } from './stick-to-bottom';
import { VirtualMessageList } from './virtual-message-list';

/**
 * Up to this many messages are all in the page, which keeps find-in-page and
 * screen-reader browsing whole; beyond it only what is near the viewport is.
 */
export const virtualizeAbove = 80;

export function MessageList({ messages }: { messages: Message[] }) {
  return messages.length > virtualizeAbove ? <VirtualMessageList messages={messages} /> : <PlainMessageList messages={messages} />;
}

/** Follows the newest text while the reader is at the bottom; leaves them alone once they scroll up. */
function PlainMessageList({ messages }: { messages: Message[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const { wasAtBottom, onScroll } = useStickToBottom();
  const last = messages.at(-1);

  // A finished answer grows without new text (its actions and cost line appear), so the status counts too.
  useEffect(() => {
    const el = ref.current;
    if (el && wasAtBottom(el)) el.scrollTop = el.scrollHeight;
  }, [messages.length, last?.content, last?.status, wasAtBottom]);

  return (
    <div ref={ref} className="message-list" role="log" aria-label="Messages" onScroll={onScroll}>
      {messages.map((m) => (
        <MessageView key={m.id} message={m} />
      ))}
    </div>
  );
}
