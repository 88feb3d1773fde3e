/**
 * Runs `task` over `items` with at most `limit` at a time, in order of
 * starting. Once `stopped()` is true no new item starts; those running
 * finish (or see their own abort), and the items never started are left.
 */
export async function runPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>, stopped: () => boolean): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!stopped() && next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  };
  const width = Math.max(1, Math.min(Math.floor(limit), items.length));
  await Promise.all(Array.from({ length: width }, worker));
}
