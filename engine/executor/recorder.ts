// Where the executor writes its events. The engine awaits each `record` so the stream keeps the
// order of the steps; adapters decide how (memory here, an event store in the server).
import { streamName } from '../../domain/index.ts';
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
