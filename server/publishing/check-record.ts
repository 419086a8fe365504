// Recorded draft checks and the publish gate they open: with `settings.requireCleanCheck`, a draft
// goes live only after a check of exactly that draft came out clean.
import {
  ConflictError, deepEqual, draftCheckStreamName, eventIdFor, WORKFLOW_DRAFT_CHECKED,
  type WorkflowDefinition, type WorkflowDraftCheckedData,
} from '../../domain/index.ts';
import type { EventStore } from '../../events/index.ts';
import type { WorkflowDoc } from '../../projections/index.ts';
import { definitionAt } from '../collab/definition-at.ts';
import type { RequestContext } from '../commands.ts';

/** How many recent checks are looked at for one of the current draft (later ones are usually of it). */
const RECENT_CHECKS = 10;

export async function recordDraftCheck(
  events: EventStore, doc: Pick<WorkflowDoc, 'id' | 'workspaceId'>, data: WorkflowDraftCheckedData, ctx: RequestContext,
): Promise<void> {
  await events.append(draftCheckStreamName(doc.id), [{
    id: eventIdFor(`${ctx.requestId}:draftcheck`, 0), type: WORKFLOW_DRAFT_CHECKED, data,
    metadata: { actor: ctx.actor, correlationId: ctx.requestId, causationId: ctx.requestId, at: new Date().toISOString(), schemaVersion: 1, workspaceId: doc.workspaceId },
  }]);
}

/** The latest check of the current draft: its revision, or an earlier one whose definition is the same (a rename back, say). */
export async function lastCheckOfDraft(events: EventStore, doc: WorkflowDoc): Promise<(WorkflowDraftCheckedData & { at: string }) | undefined> {
  const recent = await events.readStream(draftCheckStreamName(doc.id), { direction: 'backwards', limit: RECENT_CHECKS });
  for (const event of recent) {
    const data = event.data as WorkflowDraftCheckedData;
    const sameDraft = data.revision === doc.revision
      || (data.revision < doc.revision && deepEqual(await definitionAt(events, doc.id, data.revision).catch(() => undefined), doc.definition));
    if (sameDraft) return { ...data, at: event.metadata.at };
  }
  return undefined;
}

const requires = (definition: WorkflowDefinition | undefined) => definition?.settings?.requireCleanCheck === true;

/**
 * Refuses (409) to put the draft live when the workflow requires a clean check and this draft has
 * none. The setting counts when either the draft or the published version has it, so turning it off
 * is itself checked. A rollback (an earlier revision) and a draft equal to what runs are not gated.
 */
export async function assertCleanCheck(events: EventStore, doc: WorkflowDoc, rollback: boolean): Promise<void> {
  if (rollback || !(requires(doc.definition) || requires(doc.publishedDefinition))) return;
  if (doc.publishedDefinition && deepEqual(doc.definition, doc.publishedDefinition)) return;
  const check = await lastCheckOfDraft(events, doc);
  const hint = `run POST /api/v1/workflows/${doc.id}/check, or publish with {"check": true}`;
  if (!check) {
    throw new ConflictError(`This workflow requires a clean check before publishing, and the draft (revision ${doc.revision}) has not been checked: ${hint}`,
      [{ path: 'settings.requireCleanCheck', message: 'no check of this draft' }]);
  }
  if (!check.clean) {
    const c = check.counts;
    throw new ConflictError(`This workflow requires a clean check before publishing, and the last check of this draft was not clean (${c.newError} new error, ${c.stopped} stopped, ${c.notChecked} not checked)`,
      [{ path: 'settings.requireCleanCheck', message: 'the last check of this draft was not clean' }]);
  }
}
