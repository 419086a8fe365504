// For tests of code with await loops: a loop that spins in microtasks without progress starves
// every timer, the test runner's own timeout included, so such a test would hang instead of fail.
// The guard watches the event loop from a worker thread and kills the process (the test file then
// fails loudly) when the loop makes no progress for `limitMs`.
import { Worker } from 'node:worker_threads';

const WATCHER = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { beat, limitMs } = workerData;
let seen = Atomics.load(beat, 0);
let since = Date.now();
setInterval(() => {
  const now = Atomics.load(beat, 0);
  if (now !== seen) { seen = now; since = Date.now(); return; }
  if (Date.now() - since > limitMs) {
    writeSync(2, 'STALL GUARD: the event loop made no progress for ' + limitMs + ' ms (an await loop spinning without progress?); killing the process\\n');
    process.kill(process.pid, 'SIGKILL');
  }
}, 50);
`;

/** Starts watching; the returned function stops. */
export function installStallGuard(limitMs = 5_000): () => Promise<void> {
  const beat = new Int32Array(new SharedArrayBuffer(4));
  const heartbeat = setInterval(() => Atomics.add(beat, 0, 1), 20);
  const watcher = new Worker(WATCHER, { eval: true, workerData: { beat, limitMs } });
  watcher.unref();
  return async () => {
    clearInterval(heartbeat);
    await watcher.terminate();
  };
}
