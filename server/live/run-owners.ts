// Which workflow (and workspace) a run belongs to: execution events after the first do not say,
// so the live feed remembers it, and looks it up in the read model or the run's own stream.
import type { RecordedEvent } from '../../domain/index.ts';
import { executionStreamName } from '../../engine/index.ts';
import type { EventStore } from '../../events/index.ts';
import type { ExecutionDoc } from '../../projections/index.ts';
import { ownerFromEvent, type RunOwner } from './live-mapping.ts';

export interface RunOwners {
  /** Remembers the owner an event tells (the first event of a run names its workflow). */
  learn(executionId: string, event: RecordedEvent): RunOwner | undefined;
  /** The run's owner, or undefined when no such run exists (yet). */
  get(executionId: string): Promise<RunOwner | undefined>;
}

export function createRunOwners(deps: {
  events: EventStore;
  findExecution: (id: string) => Promise<ExecutionDoc | undefined>;
  /** Most runs remembered at once; the oldest are forgotten first. */
  capacity?: number;
}): RunOwners {
  const capacity = deps.capacity ?? 10_000;
  const known = new Map<string, RunOwner>();

  function remember(executionId: string, owner: RunOwner): RunOwner {
    if (!known.has(executionId) && known.size >= capacity) known.delete(known.keys().next().value as string);
    known.set(executionId, owner);
    return owner;
  }

  return {
    learn(executionId, event) {
      const owner = ownerFromEvent(event);
      return owner ? remember(executionId, owner) : known.get(executionId);
    },
    async get(executionId) {
      const cached = known.get(executionId);
      if (cached) return cached;
      const doc = await deps.findExecution(executionId);
      if (doc) return remember(executionId, { workflowId: doc.workflowId, ...(doc.workspaceId ? { workspaceId: doc.workspaceId } : {}) });
      // The read model may not have caught up with a run that just began: its stream knows.
      const [first] = await deps.events.readStream(executionStreamName(executionId), { from: 0, limit: 1 });
      const owner = first ? ownerFromEvent(first) : undefined;
      return owner ? remember(executionId, owner) : undefined;
    },
  };
}
