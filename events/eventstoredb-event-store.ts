// The scale-out event store: EventStoreDB / KurrentDB through the official gRPC client (v6).
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
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
import { WrongExpectedRevisionError } from '../domain/index.ts';
import type { EventMetadata, ExpectedRevision, RecordedEvent } from '../domain/index.ts';
import type { AppendResult, EventStore, SubscriptionFilter } from './event-store.ts';
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

function positionOf(resolved: ResolvedEvent | AllStreamResolvedEvent): number {
  // Stream reads carry the position on the event only from server 22.6 on; $all reads always do.
  const p = resolved.commitPosition ?? resolved.event?.position?.commit;
  return p === undefined ? 0 : Number(p);
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

export function createEventStoreDbEventStore(options: EventStoreDbEventStoreOptions): EventStore {
  const client = EventStoreDBClient.connectionString(options.connectionString);

  async function lastOfStream(stream: string): Promise<{ revision: number; position: number } | undefined> {
    try {
      for await (const resolved of client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        if (resolved.event) return { revision: Number(resolved.event.revision), position: positionOf(resolved) };
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    return undefined;
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

    async streamRevision(stream) {
      return (await lastOfStream(stream))?.revision ?? -1;
    },

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
      return runSubscription(async (control) => {
        const startHead = await headPosition();
        const from = subscribeOptions.from ?? 'start';
        const fromPosition = from === 'start' ? 0 : from === 'end' ? startHead : from;
        const reached = (p: number) => {
          if (p >= startHead) control.markCaughtUp();
        };
        reached(fromPosition);
        if (control.closed) return;
        if (filter?.streamPrefixes?.length === 0 || filter?.eventTypes?.length === 0) {
          // An empty list matches nothing (and the server rejects empty prefix filters): idle until closed.
          await new Promise<void>((resolve) => control.onClose(resolve));
          return;
        }
        // subscribeToAll's fromPosition is exclusive: the event at the checkpoint is not redelivered.
        const subscription = client.subscribeToAll({
          fromPosition: fromPosition > 0 ? toPosition(fromPosition) : START,
          filter: serverFilter(filter, reached),
        });
        subscription.on('caughtUp', () => control.markCaughtUp()); // servers 23.10+
        control.onClose(() => subscription.unsubscribe());
        for await (const resolved of subscription) {
          if (control.closed) break;
          const event = resolved.event;
          if (!event) continue;
          const position = toNumber(event.position);
          const recorded = toRecorded(event, position);
          if (!isSystem(event.type) && matchesFilter(recorded, filter)) await handler(recorded);
          reached(position);
        }
      });
    },

    async ping() {
      for await (const _ of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
    },

    async close() {
      await client.dispose();
    },
  };
  return store;
}
