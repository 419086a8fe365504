// A workflow as it was at a revision, rebuilt by folding its stream up to that event.
import {
  fold, NotFoundError, streamName, WORKFLOW_CATEGORY, workflowDecider,
  type RecordedEvent, type WorkflowDefinition, type WorkflowEvent, type WorkflowState,
} from '../../domain/index.ts';
import type { EventStore } from '../../events/index.ts';

export interface WorkflowVersion {
  revision: number;
  state: WorkflowState & { definition: WorkflowDefinition };
  /** The event at that revision. */
  event: RecordedEvent;
}

/** The workflow right after the event at `revision`; 404 when the stream has no such revision. */
export async function versionAt(events: EventStore, workflowId: string, revision: number): Promise<WorkflowVersion> {
  const upTo = await events.readStream(streamName(WORKFLOW_CATEGORY, workflowId), { limit: revision + 1 });
  const last = upTo[upTo.length - 1];
  if (!last || last.revision !== revision) throw new NotFoundError('Workflow revision', `${workflowId}@${revision}`);
  const state = fold(workflowDecider, upTo as unknown as WorkflowEvent[]);
  if (!state.definition) throw new NotFoundError('Workflow revision', `${workflowId}@${revision}`);
  return { revision, state: state as WorkflowVersion['state'], event: last };
}

export async function definitionAt(events: EventStore, workflowId: string, revision: number): Promise<WorkflowDefinition> {
  return (await versionAt(events, workflowId, revision)).state.definition;
}
