// A worker's shutdown: running jobs get until the deadline to finish; then their signals fire, so
// they stop between two steps and hand their runs back to the queue.

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Waits for `work`, but no longer than `ms` (a close that needs an unreachable Redis never ends). */
export function atMost(work: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([work, sleep(ms)]);
}

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
  await (Number.isFinite(graceMs) ? atMost(closing, graceMs) : closing);
}
