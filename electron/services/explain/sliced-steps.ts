/**
 * A long loop over a large file, written as a generator that yields now and
 * then, can run to its end at once (tests, small files) or in slices that
 * leave main's event loop free between them: planning a 50 MB file takes
 * seconds, and in one piece it would stall every streaming answer and every
 * window's requests for that long.
 */
export type Steps<T> = Generator<void, T, void>;

/** How many lines a loop handles between chances to yield. */
export const linesPerStep = 4096;

export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the steps for about `sliceMs` at a time, giving the event loop a turn between slices. */
export async function runSliced<T>(steps: Steps<T>, sliceMs = 12): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
