import { systemClock, type Clock } from './clock';

/**
 * Runs `flush` at most once per interval, as soon as the interval allows after
 * a request: immediately when the last run is old enough, otherwise on a timer.
 * Shared by the delta coalescer and the answer persister.
 */
export class ThrottledFlush {
  private lastRun: number;
  private timer: unknown = null;

  constructor(
    private readonly flush: () => void,
    private readonly intervalMs: number,
    private readonly clock: Clock = systemClock,
    { runImmediatelyFirst = true } = {},
  ) {
    this.lastRun = runImmediatelyFirst ? Number.NEGATIVE_INFINITY : clock.now();
  }

  request(): void {
    if (this.timer !== null) return;
    const wait = this.lastRun + this.intervalMs - this.clock.now();
    if (wait <= 0) this.runNow();
    // Node's timers can fire a little early against performance.now(), so the timer asks again rather than runs.
    else
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.request();
      }, Math.ceil(wait));
  }

  runNow(): void {
    this.cancel();
    this.lastRun = this.clock.now();
    this.flush();
  }

  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
