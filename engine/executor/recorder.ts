// Where the executor writes its events. The engine awaits each `record` so the stream keeps the
// order of the steps; adapters decide how (memory here, an event store in the server).
import { eventIdFor, streamName, type Actor, type NewEvent } from '../../domain/index.ts';
import type { ExecutionEvent, ExecutionEventData, ExecutionEventType } from './execution-events.ts';

export interface ExecutionRecorder {
  record<T extends ExecutionEventType>(type: T, data: ExecutionEventData<T>): Promise<void>;
}

export interface MemoryRecorder extends ExecutionRecorder {
  /** Everything recorded so far, in order. */
  readonly events: ExecutionEvent[];
}

export interface MemoryRecorderOptions {
  /**
   * Store a structured clone of each event instead of the live objects, as a store that serialises
   * on append would. Costs a copy per step; useful in tests to prove the fold owes nothing to
   * shared references.
   */
  snapshot?: boolean;
}

export function createMemoryRecorder(options: MemoryRecorderOptions = {}): MemoryRecorder {
  const events: ExecutionEvent[] = [];
  return {
    events,
    record(type, data) {
      const stored = options.snapshot ? structuredClone(data) : data;
      events.push({ type, data: stored } as ExecutionEvent);
      return Promise.resolve();
    },
  };
}

/** The stream an execution's events go to. */
export function executionStreamName(executionId: string): string {
  return streamName('execution', executionId);
}

export interface ExecutionEventEnvelope {
  executionId: string;
  /** 0-based position of the event in the execution: makes the event id deterministic. */
  index: number;
  actor: Actor;
  correlationId: string;
  causationId: string;
  at: string;
  workspaceId?: string;
}

/** Wraps an execution event for an event store, with an id that is the same on every retry. */
export function toNewEvent(event: ExecutionEvent, envelope: ExecutionEventEnvelope): NewEvent<ExecutionEventType> {
  return {
    id: eventIdFor(executionStreamName(envelope.executionId), envelope.index),
    type: event.type,
    data: event.data,
    metadata: {
      actor: envelope.actor,
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      at: envelope.at,
      schemaVersion: 1,
      ...(envelope.workspaceId !== undefined ? { workspaceId: envelope.workspaceId } : {}),
    },
  };
}
