import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Message } from '../../../shared/domain';
import { useFoundMessage } from '../search/found-message';
import { MessageView } from './message-view';
import { useStickToBottom } from './stick-to-bottom';

/**
 * A long conversation renders only the messages near the viewport, measured
 * as they render, so opening or scrolling thousands of messages costs what a
 * screenful costs. The reader is kept at the bottom while an answer streams
 * unless they scrolled up.
 */
export function VirtualMessageList({ messages }: { messages: Message[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const { wasAtBottom, onScroll } = useStickToBottom();
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 160,
    overscan: 6,
    getItemKey: (i) => messages[i]!.id,
  });
  const last = messages.at(-1);

  // A finished answer grows without new text (its actions and cost line appear), so the status counts too.
  useEffect(() => {
    const el = scroller.current;
    if (el && messages.length > 0 && wasAtBottom(el)) virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [messages.length, last?.content, last?.status, virtualizer, wasAtBottom]);

  // A search result may point far off screen: bring its row into the DOM so it can be revealed and focused.
  const foundId = useFoundMessage((s) => s.messageId);
  const foundSerial = useFoundMessage((s) => s.serial);
  useEffect(() => {
    if (!foundId) return;
    const index = messages.findIndex((m) => m.id === foundId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [foundId, foundSerial, messages, virtualizer]);

  return (
    <div ref={scroller} className="message-list virtual" role="log" aria-label="Messages" onScroll={onScroll}>
      <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div key={row.key} ref={virtualizer.measureElement} data-index={row.index} className="virtual-row" style={{ transform: `translateY(${row.start}px)` }}>
            <MessageView message={messages[row.index]!} />
          </div>
        ))}
      </div>
    </div>
  );
}
