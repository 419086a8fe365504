// The lifecycle every adapter's subscription shares: a delivery loop, close(), done and caughtUp.
import { UnavailableError } from '../domain/index.ts';
import type { Subscription } from './event-store.ts';

interface Deferred {
  promise: Promise<void>;
  settled: boolean;
  resolve(): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody has to listen: an ignored rejection must not crash the process.
  promise.catch(() => {});
  const d: Deferred = {
    promise,
    settled: false,
    resolve: () => {
      d.settled = true;
      resolve();
    },
    reject: (error) => {
      d.settled = true;
      reject(error);
    },
  };
  return d;
}

/** What a delivery loop sees of its subscription. */
export interface SubscriptionControl {
  readonly closed: boolean;
  /** Call once everything present at the start has been delivered. */
  markCaughtUp(): void;
  /** Registers a hook run by close() before waiting for the loop (wake a sleeper, cancel a stream). */
  onClose(hook: () => void | Promise<void>): void;
}

/**
 * Runs `loop` until it returns, throws or close() is called. The loop must check `closed` between
 * deliveries; close() waits for it to return, so an in-flight handler call always finishes first.
 * Do not await close() from inside the handler: it waits for that very handler.
 */
export function runSubscription(loop: (control: SubscriptionControl) => Promise<void>): Subscription {
  const done = deferred();
  const caughtUp = deferred();
  const hooks: Array<() => void | Promise<void>> = [];
  let closed = false;

  const control: SubscriptionControl = {
    get closed() {
      return closed;
    },
    markCaughtUp: () => {
      if (!caughtUp.settled) caughtUp.resolve();
    },
    onClose: (hook) => {
      hooks.push(hook);
    },
  };

  const finished = (async () => {
    await Promise.resolve(); // let subscribe() return before the first delivery
    try {
      await loop(control);
      if (!closed) throw new Error('subscription loop ended without close()');
    } catch (error) {
      // Errors raised by tearing the loop down after close() are expected, not failures.
      if (!closed) {
        closed = true;
        if (!caughtUp.settled) caughtUp.reject(error);
        done.reject(error);
        for (const hook of hooks) await Promise.resolve().then(hook).catch(() => {});
      }
    }
  })();

  return {
    done: done.promise,
    caughtUp: caughtUp.promise,
    async close() {
      if (!closed) {
        closed = true;
        for (const hook of hooks) await Promise.resolve().then(hook).catch(() => {});
      }
      await finished;
      if (!caughtUp.settled) caughtUp.reject(new UnavailableError('subscription closed before it caught up'));
      if (!done.settled) done.resolve();
    },
  };
}
