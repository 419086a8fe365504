// Wake-ups between the threads of one process that share the embedded SQLite event store (the
// server and its execution thread): each commit is announced on a BroadcastChannel named after
// the data directory, so the other thread's subscriptions read at once instead of at their next poll.
import { BroadcastChannel } from 'node:worker_threads';
import type { CommitBus } from '../events/index.ts';

export function createThreadCommitBus(dataDir: string): CommitBus {
  const channel = new BroadcastChannel(`weft-commits:${dataDir}`);
  channel.unref();
  const listeners = new Set<() => void>();
  channel.onmessage = () => {
    for (const listener of listeners) listener();
  };
  return {
    // A channel never delivers to itself: only the other threads hear it.
    publish: () => channel.postMessage(0),
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}
