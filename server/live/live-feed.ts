// This server's one subscription to the event log, turned into live messages: it tells how far it
// has delivered, so a joining socket can switch from replay to live delivery without a gap.
import { streamCategory, streamId, UnavailableError, type RecordedEvent } from '../../domain/index.ts';
import type { EventStore, Subscription } from '../../events/index.ts';
import type { Logger } from '../logger.ts';
import { BULK_REPLAY_LIVE_PREFIX, createBulkReplayMessages } from './bulk-replay-live.ts';
import { toLiveBody, type LiveBody } from './live-mapping.ts';
import type { RunOwners } from './run-owners.ts';

export const LIVE_STREAM_PREFIXES = ['execution-', 'workflow-', BULK_REPLAY_LIVE_PREFIX];

export interface LiveFeed {
  /** Resolves once the subscription is open (delivery starts at the log's head at that time). */
  readonly ready: Promise<void>;
  /** Position of the last event this feed has delivered (or skipped). */
  position(): number;
  /** Resolves once every event up to `position` has been delivered. */
  waitFor(position: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export function createLiveFeed(deps: {
  events: EventStore;
  owners: RunOwners;
  logger: Logger;
  /** Whether anyone on this server watches or is joining: when not, events are only counted. */
  hasWatchers(): boolean;
  deliver(body: LiveBody): void;
  /**
   * Resolves once the executions read model holds the event at `position`. A run's end is sent only
   * then, so a client that reloads its runs list on it sees the run finished, with its figures.
   */
  projected?(position: number): Promise<void>;
}): LiveFeed {
  const { events, owners, logger } = deps;
  let handled = 0;
  let subscription: Subscription | undefined;
  let closed = false;
  const waiters = new Set<{ position: number; resolve: () => void }>();
  const bulkReplays = createBulkReplayMessages(events);

  async function handle(event: RecordedEvent): Promise<void> {
    if (streamCategory(event.stream) === 'execution') {
      const executionId = streamId(event.stream);
      // Learn run owners even with nobody watching, so a later watcher costs no lookup.
      const owner = owners.learn(executionId, event) ?? (deps.hasWatchers() ? await owners.get(executionId) : undefined);
      if (owner && deps.hasWatchers()) {
        const body = toLiveBody(event, owner);
        if (body?.type === 'run.finished') await deps.projected?.(event.position);
        if (body) deps.deliver(body);
      }
    } else if (event.stream.startsWith(BULK_REPLAY_LIVE_PREFIX)) {
      const body = deps.hasWatchers() ? await bulkReplays.body(event) : undefined;
      if (body) deps.deliver(body);
    } else if (deps.hasWatchers()) {
      const body = toLiveBody(event);
      if (body) deps.deliver(body);
    }
    handled = event.position;
    for (const waiter of waiters) {
      if (waiter.position <= handled) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  function open(from: number): void {
    handled = Math.max(handled, from);
    const sub = events.subscribe({ from: handled, filter: { streamPrefixes: LIVE_STREAM_PREFIXES } }, handle);
    subscription = sub;
    sub.done.catch((err: unknown) => {
      // A failed lookup or a store hiccup must not end live delivery: resume where we were.
      if (closed) return;
      logger.error({ err }, 'live feed subscription failed; resuming');
      setTimeout(() => { if (!closed) open(handled); }, 500).unref();
    });
  }

  const ready = events.headPosition().then((head) => {
    if (!closed) open(head);
  });

  return {
    ready,
    position: () => handled,
    async waitFor(position, timeoutMs) {
      if (position <= handled) return;
      await new Promise<void>((resolve, reject) => {
        const waiter = { position, resolve: () => { clearTimeout(timer); resolve(); } };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new UnavailableError(`The live feed did not reach position ${position} within ${timeoutMs} ms; watch again`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async close() {
      closed = true;
      await ready.catch(() => undefined);
      await subscription?.close();
    },
  };
}
