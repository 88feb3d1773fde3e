import type { Clock } from './clock';
import { ThrottledFlush } from './throttled-flush';

/**
 * Keeps the growing answer on disk: at most `intervalMs` after text arrives it
 * is written, so a crash loses at most that much. Writes are batched because
 * rewriting the row on every token costs far more than the tokens are worth.
 *
 * A write that fails (a full disk) is reported once through `onWriteError` and
 * no more are tried; the text keeps growing in memory, so the answer can still
 * end with all that arrived. Writes run from a timer too, where a throw would
 * be an uncaught exception in the main process.
 */
export class AnswerPersister {
  private text = '';
  private dirty = false;
  private failure: unknown = null;
  private readonly throttle: ThrottledFlush;

  constructor(write: (content: string) => void, intervalMs = 250, clock?: Clock, onWriteError?: (err: unknown) => void) {
    this.throttle = new ThrottledFlush(
      () => {
        if (!this.dirty || this.failure !== null) return;
        this.dirty = false;
        try {
          write(this.text);
        } catch (err) {
          this.failure = err;
          onWriteError?.(err);
        }
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

  /** The error of the write that failed, or null while every write has succeeded. */
  get writeError(): unknown {
    return this.failure;
  }

  append(delta: string): void {
    if (delta === '') return;
    this.text += delta;
    if (this.failure !== null) return;
    this.dirty = true;
    this.throttle.request();
  }

  /** The final write is the caller's (it also sets the status), so pending work is dropped. */
  dispose(): void {
    this.throttle.cancel();
    this.dirty = false;
  }
}
