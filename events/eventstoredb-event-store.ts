// The scale-out event store: EventStoreDB / KurrentDB through the official gRPC client (v6).
import {
  BACKWARDS,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  MaxAppendSizeExceededError,
  UnavailableError as ClientUnavailableError,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  Filter,
  JSONType,
  Position,
  ReadPosition,
  ResolvedEvent,
} from '@eventstore/db-client';
import { AppError, UnavailableError, WrongExpectedRevisionError } from '../domain/index.ts';
import type { EventMetadata, ExpectedRevision, RecordedEvent } from '../domain/index.ts';
import type { AppendResult, EventStore, Subscription, SubscriptionFilter } from './event-store.ts';
import { matchesFilter } from './event-store.ts';
import { runSubscription } from './subscription-control.ts';
import { validateAppend } from './validate-append.ts';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  connectionString: string;
}

/*
 * Positions: our port uses one number per event; EventStoreDB has {commit, prepare}. Since
 * EventStoreDB 20 each event's commit and prepare positions are equal, so the commit position alone
 * identifies the event and {commit: p, prepare: p} rebuilds it to resume. Byte offsets stay below
 * 2^53 (8 PiB of log), so Number() is exact.
 */
const toNumber = (position: Position): number => Number(position.commit);
const toPosition = (p: number): Position => ({ commit: BigInt(p), prepare: BigInt(p) });
const isSystem = (type: string): boolean => type.startsWith('$');

type StoredEvent = NonNullable<ResolvedEvent['event']>;

function toRecorded(event: StoredEvent, position: number): RecordedEvent {
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position,
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
  };
}

/** Servers before 22.6 answer stream reads with this "no position" marker (2^64 - 1). */
const NO_POSITION = 2n ** 64n - 1n;

function positionOf(resolved: ResolvedEvent | AllStreamResolvedEvent): number {
  // $all reads always carry the position; stream reads only from server 22.6 on (else 0 here).
  const known = [resolved.event?.position?.commit, resolved.commitPosition].find(
    (p): p is bigint => p !== undefined && p !== NO_POSITION,
  );
  return known === undefined ? 0 : Number(known);
}

function toExpected(expected: ExpectedRevision): AppendExpectedRevision {
  return typeof expected === 'number' ? BigInt(expected) : expected; // 'any' | 'no_stream' | 'stream_exists'
}

/** The server filters by one prefix list; the exact filter is re-checked on our side. */
function serverFilter(filter: SubscriptionFilter | undefined, onCheckpoint: (p: number) => void): Filter {
  const checkpointReached = (_: unknown, position: Position) => onCheckpoint(toNumber(position));
  if (filter?.streamPrefixes) return streamNameFilter({ prefixes: filter.streamPrefixes, checkpointReached });
  if (filter?.eventTypes) return eventTypeFilter({ prefixes: filter.eventTypes, checkpointReached });
  return excludeSystemEvents({ checkpointReached });
}

/** Maps the client's errors onto ours, so the edges can tell "try later" from "bad input". */
function toAppError(error: unknown): unknown {
  // Some calls surface the raw gRPC error: status 14 is UNAVAILABLE, 4 DEADLINE_EXCEEDED.
  const grpcCode = (error as { code?: unknown } | null)?.code;
  if (error instanceof ClientUnavailableError || error instanceof DeadlineExceededError || grpcCode === 14 || grpcCode === 4) {
    return new UnavailableError(`EventStoreDB is unavailable: ${(error as Error).message}`);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new AppError('payload_too_large', `The append exceeds EventStoreDB's limit of ${error.maxAppendSize} bytes`);
  }
  return error;
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error);
  }
}

export function createEventStoreDbEventStore(options: EventStoreDbEventStoreOptions): EventStore {
  const client = EventStoreDBClient.connectionString(options.connectionString);
  const subscriptions = new Set<Subscription>();

  async function streamRevision(stream: string): Promise<number> {
    try {
      for await (const resolved of client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        if (resolved.event) return Number(resolved.event.revision);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return -1;
  }

  async function positionAt(stream: string, revision: number): Promise<number> {
    for await (const resolved of client.readStream(stream, { fromRevision: BigInt(revision), maxCount: 1 })) {
      return positionOf(resolved);
    }
    return 0;
  }

  async function headPosition(): Promise<number> {
    // The newest event that is not a system event ($statsCollected, $metadata, links...).
    let from: ReadPosition = END;
    for (;;) {
      let seen = 0;
      let oldest: Position | undefined;
      for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: 100 })) {
        seen += 1;
        const event = resolved.event;
        if (!event) continue;
        if (!isSystem(event.type)) return toNumber(event.position);
        oldest = event.position;
      }
      if (seen < 100 || !oldest) return 0;
      from = oldest;
    }
  }

  const store: EventStore = {
    async append(stream, events, appendOptions = {}) {
      const expected = appendOptions.expectedRevision ?? 'any';
      validateAppend(stream, events, expected);
      const data = events.map((e) =>
        jsonEvent({ id: e.id, type: e.type, data: e.data as JSONType, metadata: e.metadata as unknown as JSONType }),
      );
      try {
        const result = await client.appendToStream(stream, data, { expectedRevision: toExpected(expected) });
        const revision = Number(result.nextExpectedRevision);
        // An idempotent retry (same ids) succeeds without a position; look it up so the result
        // has the same shape as the original append's.
        const position = result.position ? toNumber(result.position) : await positionAt(stream, revision);
        return { revision, position } satisfies AppendResult;
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          const actual = error.actualVersion;
          throw new WrongExpectedRevisionError(stream, expected, actual === 'no_stream' ? 'no_stream' : Number(actual));
        }
        throw error;
      }
    },

    async readStream(stream, readOptions = {}) {
      const backwards = readOptions.direction === 'backwards';
      if (readOptions.limit === 0) return [];
      const out: RecordedEvent[] = [];
      try {
        const reading = client.readStream(stream, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: readOptions.from === undefined ? (backwards ? END : START) : BigInt(readOptions.from),
          ...(readOptions.limit === undefined ? {} : { maxCount: readOptions.limit }),
        });
        for await (const resolved of reading) {
          if (resolved.event) out.push(toRecorded(resolved.event, positionOf(resolved)));
        }
      } catch (error) {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
      return out;
    },

    streamRevision,

    async readAll(readOptions = {}) {
      const limit = readOptions.limit ?? 1000;
      let after = readOptions.after ?? 0;
      const out: RecordedEvent[] = [];
      while (out.length < limit) {
        // fromPosition is inclusive: read one extra and drop the event at exactly `after`.
        const pageSize = limit - out.length + 1;
        let seen = 0;
        for await (const resolved of client.readAll({
          fromPosition: after > 0 ? toPosition(after) : START,
          maxCount: pageSize,
        })) {
          seen += 1;
          const event = resolved.event;
          if (!event) continue;
          const position = toNumber(event.position);
          if (position <= after) continue;
          after = position;
          if (!isSystem(event.type) && out.length < limit) out.push(toRecorded(event, position));
        }
        if (seen < pageSize) break;
      }
      return out;
    },

    headPosition,

    subscribe(subscribeOptions, handler) {
      const filter = subscribeOptions.filter;
      const subscription = runSubscription((control) => guard(async () => {
        const startHead = await headPosition();
        const from = subscribeOptions.from ?? 'start';
        const fromPosition = from === 'start' ? 0 : from === 'end' ? startHead : from;
        if (fromPosition >= startHead) control.markCaughtUp();
        if (control.closed) return;
        if (filter?.streamPrefixes?.length === 0 || filter?.eventTypes?.length === 0) {
          // An empty list matches nothing (and the server rejects empty prefix filters): idle until closed.
          await new Promise<void>((resolve) => control.onClose(resolve));
          return;
        }
        // The server signals "caught up" (23.10+) and filter checkpoints while earlier events may
        // still sit in the stream's buffer: only once those are handled is the subscription caught up.
        let signalled = false;
        let handling = false;
        const settleIfDrained = () => {
          if (signalled && !handling && stream.readableLength === 0) control.markCaughtUp();
        };
        const signal = () => {
          signalled = true;
          settleIfDrained();
        };
        // subscribeToAll's fromPosition is exclusive: the event at the checkpoint is not redelivered.
        const stream = client.subscribeToAll({
          fromPosition: fromPosition > 0 ? toPosition(fromPosition) : START,
          filter: serverFilter(filter, (p) => p >= startHead && signal()),
        });
        stream.on('caughtUp', signal);
        control.onClose(() => stream.unsubscribe());
        for await (const resolved of stream) {
          if (control.closed) break;
          const event = resolved.event;
          if (!event) continue;
          const position = toNumber(event.position);
          const recorded = toRecorded(event, position);
          if (!isSystem(event.type) && matchesFilter(recorded, filter)) {
            handling = true;
            await handler(recorded);
            handling = false;
          }
          if (position >= startHead) control.markCaughtUp();
          settleIfDrained();
        }
      }));
      subscriptions.add(subscription);
      const forget = () => subscriptions.delete(subscription);
      subscription.done.then(forget, forget);
      return subscription;
    },

    async deleteStream(stream) {
      // A soft delete (the documented client call): reads answer "not found" at once; the server's
      // scavenge frees the space, and until then $all (a projection rebuild) still holds the events.
      try {
        await client.deleteStream(stream);
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw error;
      }
    },

    async reclaimSpace() {},

    async ping() {
      for await (const _ of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
    },

    async close() {
      await Promise.all([...subscriptions].map((sub) => sub.close()));
      await client.dispose();
    },
  };
  return {
    ...store,
    append: (...args) => guard(() => store.append(...args)),
    readStream: (...args) => guard(() => store.readStream(...args)),
    streamRevision: (stream) => guard(() => store.streamRevision(stream)),
    readAll: (...args) => guard(() => store.readAll(...args)),
    headPosition: () => guard(() => store.headPosition()),
    deleteStream: (stream) => guard(() => store.deleteStream(stream)),
    ping: () => guard(() => store.ping()),
  };
}
