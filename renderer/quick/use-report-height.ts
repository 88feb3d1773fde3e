import { useEffect, type RefObject } from 'react';
import { parley } from '../api/parley';

/** The contract's bound on a reported height. */
const maxReported = 10_000;

/**
 * Tells main how tall the content is, so the window grows with the answer.
 * Main caps the height; past the cap the answer area scrolls and no more
 * reports are sent until the content shrinks again.
 */
export function useReportHeight(root: RefObject<HTMLElement | null>, scroller: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const r = root.current;
    const s = scroller.current;
    if (!r || !s) return;
    let last = 0;
    let cap = maxReported;
    let frame = 0;
    const measure = () => {
      frame = 0;
      // The page's own height (borders included) plus whatever is hidden: the answer scrolled in its area, or
      // the fixed rows spilling out of a window still too short for them.
      const natural = Math.ceil(r.offsetHeight + (r.scrollHeight - r.clientHeight) + (s.scrollHeight - s.clientHeight));
      const height = Math.max(1, Math.min(natural, cap));
      if (height === last) return;
      last = height;
      void parley.quick.resize({ height }).then((res) => {
        if (res.ok && res.value.height < height) cap = res.value.height;
      });
    };
    // Once per frame at most: a streaming answer changes size with every delta.
    const observer = new ResizeObserver(() => (frame ||= requestAnimationFrame(measure)));
    observer.observe(r);
    observer.observe(s);
    if (s.firstElementChild) observer.observe(s.firstElementChild); // the scroller's one content wrapper
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [root, scroller]);
}
