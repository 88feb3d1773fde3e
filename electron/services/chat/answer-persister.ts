import type { Clock } from './clock';
import { ThrottledFlush } from './throttled-flush';

/**
 * Keeps the growing answer on disk: at most `intervalMs` after text arrives it
 * is written, so a crash loses at most that much. Writes are batched because
 * rewriting the row on every token costs far more than the tokens are worth.
 */
export class AnswerPersister {
  private text = '';
  private dirty = false;
  private readonly throttle: ThrottledFlush;

  constructor(write: (content: string) => void, intervalMs = 250, clock?: Clock) {
    this.throttle = new ThrottledFlush(
      () => {
        if (!this.dirty) return;
        this.dirty = false;
        write(this.text);
      },
      intervalMs,
      clock,
      // The row was written empty a moment ago: the first write can wait its turn.
      { runImmediatelyFirst: false },
    );
  }

  get content(): string {
    return this.text;
  }

  append(delta: string): void {
    if (delta === '') return;
    this.text += delta;
    this.dirty = true;
    this.throttle.request();
  }

  /** The final write is the caller's (it also sets the status), so pending work is dropped. */
  dispose(): void {
    this.throttle.cancel();
    this.dirty = false;
  }
}
