import { useRef, type UIEvent } from 'react';

/** Within this many pixels of the end counts as "at the bottom": a reader who scrolled up is left alone. */
const slackPx = 40;

/** Tracks whether the reader is at the bottom of a scroller, so a growing answer can be followed only then. */
export function useStickToBottom() {
  const atBottom = useRef(true);
  return {
    atBottom,
    onScroll(e: UIEvent<HTMLElement>) {
      const el = e.currentTarget;
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < slackPx;
    },
  };
}
