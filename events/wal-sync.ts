// Group commit to disk for the SQLite event log: transactions are written without an fsync on the
// event loop (synchronous=NORMAL), and one fdatasync of the WAL file on libuv's thread pool makes
// every transaction written before it started durable. Why: an fsync on the loop thread lengthens
// every event-loop turn, and Node (libuv >= 1.45) accepts one new TCP connection per turn, so a
// blocking fsync per turn capped webhook calls on fresh connections at about one per fsync.
import fs from 'node:fs';

export interface WalSync {
  /**
   * Calls `done` once everything committed before this call is on disk, or with the sync's error.
   * Callers are called back in the order they asked.
   */
  afterSync(done: (error?: Error) => void): void;
  /** Syncs finished so far (one covers every commit made while the previous one ran). */
  syncs(): number;
  /** Waits for the syncs asked for, then closes the WAL file. */
  close(): Promise<void>;
}

/** `walFile` undefined (an in-memory database): nothing to sync, callers are called back at once. */
export function createWalSync(walFile: string | undefined): WalSync {
  let fd: number | undefined;
  let running = false;
  let waiting: Array<(error?: Error) => void> = [];
  let finished = 0;
  let drained: Array<() => void> = [];

  function start(): void {
    running = true;
    // Commits made from now on are not covered by this sync: they wait for the next one.
    const covered = waiting;
    waiting = [];
    const end = (error: Error | null) => {
      finished += 1;
      running = false;
      for (const done of covered) done(error ?? undefined);
      if (waiting.length > 0) start();
      else for (const resolve of drained.splice(0)) resolve();
    };
    if (walFile === undefined) {
      setImmediate(() => end(null));
      return;
    }
    try {
      // Opened once the first commit has created it; SQLite keeps this file (and its inode) for as
      // long as its own connection is open. No SQLite lock lives on the WAL file, so this extra
      // descriptor cannot release one when it is closed.
      fd ??= fs.openSync(walFile, 'r+');
    } catch (error) {
      setImmediate(() => end(error as Error));
      return;
    }
    fs.fdatasync(fd, end);
  }

  return {
    afterSync(done) {
      waiting.push(done);
      if (!running) start();
    },
    syncs: () => finished,
    async close() {
      if (running || waiting.length > 0) await new Promise<void>((resolve) => drained.push(resolve));
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}
