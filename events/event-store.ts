// The event store port: every adapter (SQLite, EventStoreDB) implements exactly this.
import type { ExpectedRevision, NewEvent, RecordedEvent } from '../domain/index.ts';

export interface AppendOptions {
  /** Default 'any'. */
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  revision: number;
  /** Global position of the last appended event; wait on projections reaching it. */
  position: number;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive). Default: 0 forwards, the last event backwards. */
  from?: number;
  direction?: 'forwards' | 'backwards';
  /** Default: all. */
  limit?: number;
}

export interface ReadAllOptions {
  /** Read events whose position is greater than this checkpoint. Default 0 (the beginning). */
  after?: number;
  /** Default 1000. */
  limit?: number;
}

export interface SubscriptionFilter {
  /** Deliver only events whose stream name starts with one of these. */
  streamPrefixes?: string[];
  /** Deliver only events of one of these types. */
  eventTypes?: string[];
}

export interface SubscribeOptions {
  /**
   * Where to start: 'start' replays everything, 'end' only new events, a number resumes after that
   * checkpoint position (the `position` of the last event handled) with no gap and no duplicate.
   */
  from?: 'start' | 'end' | number;
  filter?: SubscriptionFilter;
}

/**
 * Receives events in position order, one at a time; the next event is delivered only after the
 * returned promise settles. A thrown error stops the subscription (see `Subscription.done`).
 */
export type EventHandler = (event: RecordedEvent) => void | Promise<void>;

export interface Subscription {
  /** Stops delivery; resolves once no handler call is running. */
  close(): Promise<void>;
  /** Settles when the subscription ends: resolves after close(), rejects if the handler threw. */
  readonly done: Promise<void>;
  /** Resolves once the subscription has caught up with the events present when it started. */
  readonly caughtUp: Promise<void>;
}

/**
 * The most bytes one event may take (its data and metadata as JSON): EventStoreDB's default append
 * cap. Every adapter refuses a larger event, so what works embedded also works on EventStoreDB;
 * large payloads go to the blob store by reference instead.
 */
export const MAX_EVENT_BYTES = 1024 * 1024;

export interface EventStore {
  /**
   * Appends events atomically. Throws WrongExpectedRevisionError when `expectedRevision` fails.
   * Appending events whose ids are already stored at the same places is a no-op that returns the
   * original result (idempotent retry).
   */
  append(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** Events of one stream; an unknown stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Revision of the stream's last event, or -1 when the stream does not exist. */
  streamRevision(stream: string): Promise<number>;
  /**
   * Removes a stream and its events for good (execution retention). Deleting an unknown stream is a
   * no-op. Positions are never reused; subscriptions simply never see the removed events.
   */
  deleteStream(stream: string): Promise<void>;
  /** Gives storage freed by deleted streams back where the backend can (SQLite); else a no-op. */
  reclaimSpace(): Promise<void>;
  /** Events of all streams in position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event in the store, 0 when empty. */
  headPosition(): Promise<number>;
  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription;
  /** Answers whether the backend is reachable (for /readyz). */
  ping(): Promise<void>;
  /** Flushes pending writes and releases resources. */
  close(): Promise<void>;
}

/** True if the event passes the filter. Adapters use it where the backend cannot filter exactly. */
export function matchesFilter(event: { stream: string; type: string }, filter?: SubscriptionFilter): boolean {
  if (!filter) return true;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.stream.startsWith(p))) return false;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  return true;
}
