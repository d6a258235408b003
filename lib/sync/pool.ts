/**
 * Run `work` over `items` with at most `concurrency` in flight, pulling the next item only while
 * `canStart()` holds (the step's time budget). The first error that escapes `work` stops new starts
 * and is rethrown after in-flight items settle.
 */
export async function runPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>, canStart: () => boolean = () => true): Promise<number> {
  let next = 0;
  let started = 0;
  let failure: { error: unknown } | null = null;
  async function worker(): Promise<void> {
    while (!failure && next < items.length && canStart()) {
      const item = items[next++] as T;
      started += 1;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, () => worker()));
  if (failure) throw (failure as { error: unknown }).error;
  return started;
}
