import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Conversation } from '../../../shared/domain';
import { rowKey, rowsOf, runsByGroup } from './conversation-rows';
import { groupByDate } from './date-groups';

// Within this many rows of the end of what is read, the next page is asked for.
const readAheadRows = 30;

interface Props {
  conversations: Conversation[];
  /** Called as the end of the list comes near, to read the next page. */
  onNearEnd(): void;
  renderConversation(conversation: Conversation, row: { ref: (el: Element | null) => void; index: number }): ReactNode;
}

/**
 * The date-grouped list, rendering only the rows near the viewport: a
 * history of thousands of conversations costs what a screenful costs to
 * show and to keep (bench/cold-start.ts). Rows stay in the page's flow
 * between two spacers, measured as they render, so headings and items keep
 * their natural layout and each run of rows sits in its group's section.
 */
export function ConversationGroups({ conversations, onNearEnd, renderConversation }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => rowsOf(groupByDate(conversations)), [conversations]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]!.kind === 'heading' ? 34 : 36),
    overscan: 12,
    getItemKey: (i) => rowKey(rows[i]!),
    // Until the list is measured, a window's height of rows: the first render with data then shows them,
    // instead of rendering none and waiting a measure and a second render (bench cold-start: list shown).
    initialRect: { width: 0, height: window.innerHeight },
  });
  const visible = virtualizer.getVirtualItems();
  const lastVisible = visible.at(-1)?.index ?? -1;

  useEffect(() => {
    if (lastVisible >= rows.length - readAheadRows) onNearEnd();
  }, [lastVisible, rows.length, onNearEnd]);

  const before = visible[0]?.start ?? 0;
  const after = Math.max(0, virtualizer.getTotalSize() - (visible.at(-1)?.end ?? 0));
  return (
    <div ref={scroller} className="conversation-groups">
      <div style={{ paddingTop: before, paddingBottom: after }}>
        {runsByGroup(visible, (v) => rows[v.index]!.group).map((run) => (
          <section key={run.group} aria-label={run.group}>
            {run.items.map((v) => {
              const row = rows[v.index]!;
              return row.kind === 'heading' ? (
                <h2 key={v.key} ref={virtualizer.measureElement} data-index={v.index} className="group-label">
                  {row.group}
                </h2>
              ) : null;
            })}
            <ul className="conversation-list">
              {run.items.map((v) => {
                const row = rows[v.index]!;
                return row.kind === 'conversation' ? renderConversation(row.conversation, { ref: virtualizer.measureElement, index: v.index }) : null;
              })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
