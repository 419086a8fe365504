// Read model of workflows: one document per workflow with its current definition and revision.
import { deepEqual, DEFAULT_WORKSPACE_ID, streamCategory, streamId, WORKFLOW_CATEGORY, workflowDecider, type RecordedEvent, type WorkflowDefinition, type WorkflowEvent } from '../domain/index.ts';
import type { Projection } from './projection.ts';

export interface WorkflowDoc {
  [k: string]: unknown;
  id: string;
  name: string;
  active: boolean;
  deleted: boolean;
  tags: string[];
  definition: WorkflowDefinition;
  /** Revision of the workflow's stream this document reflects (use with If-Match). */
  revision: number;
  /** Id of the event that last changed the definition: n8n's `versionId`. */
  versionId: string;
  nodeCount: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  workspaceId: string;
  /** Other workspaces whose members may read this workflow. */
  sharedWith: string[];
  /** What production runs, once published (`definition` is the draft everyone edits). */
  publishedDefinition?: WorkflowDefinition;
  published?: PublishedInfo;
  /** The draft differs from the published version. */
  unpublishedChanges?: boolean;
}

/** Which revision of the draft production runs, and who published it when. */
export interface PublishedInfo {
  [k: string]: unknown;
  revision: number;
  at: string;
  by: string;
  message?: string;
  /** The revision the publish event itself was written at. */
  eventRevision: number;
}

/**
 * A workflow document as production sees it: its definition and revision are the published ones,
 * when there are any (runs record which revision they ran).
 */
export function productionDoc(doc: WorkflowDoc): WorkflowDoc {
  return doc.publishedDefinition && doc.published ? { ...doc, definition: doc.publishedDefinition, revision: doc.published.revision } : doc;
}

export const WORKFLOWS = 'list';

export const workflowsProjection: Projection = {
  name: 'workflows',
  version: 3,
  collections: [
    {
      name: WORKFLOWS,
      indexes: [{ fields: ['workspaceId', 'deleted', '-updatedAt'] }, { fields: ['name'] }, { fields: ['active'] }],
    },
  ],
  accepts: (event) => streamCategory(event.stream) === WORKFLOW_CATEGORY,
  async apply(event: RecordedEvent, tx) {
    const docs = tx.collection<WorkflowDoc>(WORKFLOWS);
    const id = streamId(event.stream);
    const e = event as unknown as WorkflowEvent & RecordedEvent;
    const actor = event.metadata.actor.id;
    const existing = await docs.get(id);
    if (e.type === 'WorkflowCreated') {
      const definition = e.data.definition;
      await docs.upsert({
        id, name: definition.name, active: false, deleted: false, tags: e.data.tags, definition,
        revision: event.revision, versionId: event.id, nodeCount: definition.nodes.length,
        createdAt: event.metadata.at, updatedAt: event.metadata.at, createdBy: actor, updatedBy: actor,
        workspaceId: e.data.workspaceId ?? DEFAULT_WORKSPACE_ID, sharedWith: [],
      });
      return;
    }
    if (!existing) return;
    // Reuse the aggregate's own evolve so the read model can never disagree with the decider.
    const next = workflowDecider.evolve(
      {
        exists: true, deleted: existing.deleted, active: existing.active, definition: existing.definition, tags: existing.tags,
        workspaceId: existing.workspaceId, sharedWith: existing.sharedWith, published: existing.publishedDefinition,
      },
      e,
    );
    const definitionChanged = next.definition !== existing.definition;
    const published = e.type === 'WorkflowPublished'
      ? { revision: e.data.revision ?? event.revision - 1, at: event.metadata.at, by: actor, eventRevision: event.revision, ...(e.data.message ? { message: e.data.message } : {}) }
      : existing.published;
    await docs.upsert({
      ...existing,
      name: next.definition!.name,
      active: next.active,
      deleted: next.deleted,
      tags: next.tags,
      sharedWith: next.sharedWith,
      definition: next.definition!,
      nodeCount: next.definition!.nodes.length,
      revision: event.revision,
      versionId: definitionChanged ? event.id : existing.versionId,
      updatedAt: event.metadata.at,
      updatedBy: actor,
      ...(next.published ? { publishedDefinition: next.published, published, unpublishedChanges: !deepEqual(next.published, next.definition) } : {}),
    });
  },
};
