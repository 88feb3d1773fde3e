import type { Clock } from './clock';
import { ThrottledFlush } from './throttled-flush';

/**
 * Turns a burst of tiny deltas into at most one emission per interval (about
 * one animation frame), so a fast model cannot flood IPC and the renderer.
 * The first delta goes out at once: time to first token is what people feel.
 */
export class StreamCoalescer {
  private pending = '';
  private readonly throttle: ThrottledFlush;

  constructor(emit: (text: string) => void, intervalMs = 16, clock?: Clock) {
    this.throttle = new ThrottledFlush(
      () => {
        if (this.pending === '') return;
        const text = this.pending;
        this.pending = '';
        emit(text);
      },
      intervalMs,
      clock,
    );
  }

  push(text: string): void {
    if (text === '') return;
    this.pending += text;
    this.throttle.request();
  }

  /** Emits whatever is pending now; called on every end of the stream. */
  flush(): void {
    this.throttle.runNow();
  }
}
