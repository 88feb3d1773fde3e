import { useMemo, useRef, type UIEvent } from 'react';

/** Within this many pixels of the end counts as "at the bottom": a reader who scrolled up is left alone. */
const slackPx = 40;

/**
 * Decides whether a growing list should follow its new content: only when
 * the reader was at the end before it grew. Judged from the real scroll
 * position against the height last seen, not from a flag set by scroll
 * events, which arrive a frame late: a delta landing between the reader's
 * scroll and its event would otherwise pull them back down.
 */
export function useStickToBottom() {
  const seenHeight = useRef(0);
  return useMemo(
    () => ({
      onScroll(e: UIEvent<HTMLElement>) {
        seenHeight.current = e.currentTarget.scrollHeight;
      },
      /** Call once the content has grown. */
      wasAtBottom(el: HTMLElement): boolean {
        const before = seenHeight.current;
        seenHeight.current = el.scrollHeight;
        return before === 0 || before - el.scrollTop - el.clientHeight < slackPx;
      },
    }),
    [],
  );
}
