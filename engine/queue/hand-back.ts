// A worker's shutdown: running jobs get until the deadline to finish; then their signals fire, so
// they stop between two steps and hand their runs back to the queue.

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Waits for `closing` (the worker's own close, done when its jobs are) up to `deadlineMs`, then
 * aborts what still runs and waits for it again, at most `graceMs` more.
 */
export async function closeWithDeadline(closing: Promise<unknown>, running: () => Iterable<AbortController>, deadlineMs: number, graceMs = Infinity): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      for (const abort of running()) abort.abort();
      resolve();
    }, deadlineMs);
  });
  await Promise.race([closing, deadline]);
  clearTimeout(timer);
  await (Number.isFinite(graceMs) ? Promise.race([closing, sleep(graceMs)]) : closing);
}
