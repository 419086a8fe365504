// Which version of its workflow a replay runs: the one the run used, the draft, the published one, or a revision.
import { NotFoundError, ValidationError, type WorkflowDefinition } from '../../domain/index.ts';
import type { EventStore } from '../../events/index.ts';
import { productionDoc, type WorkflowDoc } from '../../projections/index.ts';
import { versionAt } from '../collab/definition-at.ts';

export type ReplayVersion = 'original' | 'draft' | 'published' | number;

export interface ReplayDefinition {
  definition: WorkflowDefinition;
  /** The workflow's revision this definition is (absent for runs recorded without one). */
  workflowRevision?: number;
}

export interface ReplayVersionDeps {
  events: EventStore;
  findWorkflow: (id: string) => Promise<WorkflowDoc | undefined>;
}

/** The definition and revision `version` names, for a run of `workflowId` that used `original`. */
export async function replayDefinition(
  version: ReplayVersion, workflowId: string, original: ReplayDefinition, deps: ReplayVersionDeps,
): Promise<ReplayDefinition> {
  if (version === 'original') return original;
  if (typeof version === 'number') {
    const { state } = await versionAt(deps.events, workflowId, version);
    return { definition: state.definition, workflowRevision: version };
  }
  const doc = await deps.findWorkflow(workflowId);
  if (!doc || doc.deleted) throw new NotFoundError('Workflow', workflowId);
  if (version === 'draft') return { definition: doc.definition, workflowRevision: doc.revision };
  if (!doc.publishedDefinition || !doc.published) {
    throw new ValidationError('The workflow has never been published', [{ path: 'version', message: 'not published' }]);
  }
  const live = productionDoc(doc);
  return { definition: live.definition, workflowRevision: live.revision };
}
