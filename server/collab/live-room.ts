// One open workflow on the server: the room, its stored document, and the bridge to the workflow
// aggregate. Edits are committed debounced as attributed semantic events; every other write to
// the workflow (REST, import, restore, CLI, another server) is brought into the document as
// targeted changes, so open editors see it at once and keep their edits in flight.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import {
  applyDefinitionToDoc, createRoom, definitionToDoc, docProblems, docToDefinition, normaliseDoc, repairDoc, trackAuthors,
  type Room, type RoomPeer,
} from '../../collab/index.ts';
import {
  AppError, deepEqual, streamName, WORKFLOW_CATEGORY, workflowDecider, WrongExpectedRevisionError,
  type Actor, type WorkflowDefinition, type WorkflowEvent, type WorkflowState,
} from '../../domain/index.ts';
import type { EventStore } from '../../events/index.ts';
import type { RunCommand } from '../commands.ts';
import type { Logger } from '../logger.ts';
import { createDocWriter, loadDoc, type DocWriter } from './doc-store.ts';
import { definitionAt } from './definition-at.ts';
import type { WorkflowDoc } from '../../projections/index.ts';

export interface LiveRoomSettings {
  /** Quiet time after the last edit before the edits are committed as events, in ms. */
  commitDebounceMs: number;
  /** Longest a stream of edits waits for a commit, in ms. */
  commitMaxWaitMs: number;
  /** How long document updates gather before one append, in ms. */
  persistBatchMs: number;
  /** Update events between two document snapshots. */
  snapshotEvery: number;
  /** Deepest nesting an edit may give the document (JSON_MAX_DEPTH). */
  maxDepth: number;
}

export interface LiveRoomDeps {
  events: EventStore;
  run: RunCommand;
  findWorkflow(id: string): Promise<WorkflowDoc | undefined>;
  logger: Logger;
  settings: LiveRoomSettings;
}

/** A peer with a display name, for event actors. */
export interface LivePeer extends RoomPeer {
  readonly name?: string;
  /** Ends this peer's connection (the workflow is gone). */
  end?(code: number, reason: string): void;
}

export interface LiveRoom {
  readonly workflowId: string;
  readonly room: Room;
  readonly doc: Y.Doc;
  join(peer: LivePeer): void;
  leave(peer: LivePeer): void;
  peerCount(): number;
  /** Ends every connection to the room (the workflow was deleted). */
  endAll(code: number, reason: string): void;
  /** The workflow stream revision the document has incorporated. */
  revision(): number;
  /** Brings in workflow events written by others (called by the event subscription). */
  catchUp(): Promise<void>;
  /** Commits pending edits now and stores every document update. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Origin of changes brought in from the workflow stream: not new edits, so never committed again. */
const EXTERNAL = { external: true };
/** Origin of the server's normalisation of edits: committed with the edits it fixes. */
const NORMALISE = { normalise: true };

export async function openLiveRoom(workflowId: string, deps: LiveRoomDeps): Promise<LiveRoom> {
  const { events, logger, settings } = deps;
  const stream = streamName(WORKFLOW_CATEGORY, workflowId);
  const log = logger.child({ workflowId });
  const workflow = await deps.findWorkflow(workflowId);
  if (!workflow || workflow.deleted) throw new AppError('not_found', `Workflow '${workflowId}' was not found`);
  let committed: WorkflowDefinition = workflow.definition;
  let committedRevision = workflow.revision;
  let workspaceId = workflow.workspaceId;

  const loaded = await loadDoc(events, workflowId);
  const doc = loaded?.doc ?? definitionToDoc(committed);
  const writer: DocWriter = createDocWriter({
    events, workflowId, logger: log, batchMs: settings.persistBatchMs, snapshotEvery: settings.snapshotEvery,
    loaded: loaded ?? { tail: [], revision: -1, syncedRevision: -1 },
  });
  if (!loaded) {
    writer.enqueue(Y.encodeStateAsUpdate(doc));
    writer.markSynced(committedRevision);
  } else if (loaded.syncedRevision < committedRevision) {
    // The workflow changed while no room was open: bring those changes in, keep stored edits.
    const base = loaded.syncedRevision >= 0 ? await definitionAt(events, workflowId, loaded.syncedRevision) : undefined;
    // Stored like any update: later edits build on it, and a restart must find it.
    const store = (update: Uint8Array) => writer.enqueue(update);
    doc.on('update', store);
    applyDefinitionToDoc(doc, committed, base, EXTERNAL);
    doc.off('update', store);
    writer.markSynced(committedRevision);
  }

  const tracker = trackAuthors(doc);
  for (const author of loaded?.authors ?? []) tracker.credit(author);
  const names = new Map<string, string>();
  let debounce: NodeJS.Timeout | undefined;
  let dirtySince: number | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  const room = createRoom({
    doc,
    whenDurable: () => writer.whenDurable(),
    onRepairs: (repairs) => log.info({ repairs: repairs.map((r) => r.kind) }, 'collab: repaired concurrent edits'),
    maxDepth: settings.maxDepth,
    onRefused(peer, reason) {
      log.warn({ userId: peer.userId, reason }, 'collab: edit refused; closing the connection');
      // 4400: the client's copy now holds an edit the room refused; it must reload, not resend it.
      (peer as LivePeer).end?.(4400, reason.slice(0, 120));
    },
  });

  let published = '[]';
  /** Publishes what blocks saving in the server's awareness state, when it changed. */
  function flag(problems: { path?: string; message: string }[]): void {
    const text = JSON.stringify(problems);
    if (text === published) return;
    published = text;
    room.setServerState('problems', problems);
  }

  function scheduleCommit(): void {
    if (closed) return;
    dirtySince ??= Date.now();
    if (debounce) clearTimeout(debounce);
    const wait = Math.max(0, Math.min(settings.commitDebounceMs, dirtySince + settings.commitMaxWaitMs - Date.now()));
    debounce = setTimeout(() => void serial(commit), wait);
  }

  doc.on('update', (update: Uint8Array, origin: unknown) => {
    const author = (origin as Partial<LivePeer> | null)?.userId;
    writer.enqueue(update, typeof author === 'string' ? author : undefined);
    if (origin !== EXTERNAL) scheduleCommit();
  });

  function actorFor(authors: string[]): Actor {
    if (authors.length === 1) return { kind: 'user', id: authors[0], ...(names.get(authors[0]) ? { name: names.get(authors[0]) } : {}) };
    return { kind: 'system', id: 'collab', name: `collaborative editing (${authors.length} editors)` };
  }

  async function commit(): Promise<void> {
    if (debounce) clearTimeout(debounce);
    debounce = undefined;
    dirtySince = undefined;
    // What an editor wrote in n8n's looser forms is normalised in the document, like any import.
    const normalised = normaliseDoc(doc, NORMALISE);
    if (normalised.length > 0) log.info({ normalised }, 'collab: normalised edits');
    const target = docToDefinition(doc);
    if (deepEqual(target, committed)) {
      tracker.take();
      flag([]);
      return;
    }
    const problems = docProblems(doc);
    flag(problems);
    if (problems.length > 0) return; // flagged to every editor; committed once fixed
    const attribution = tracker.take();
    try {
      const result = await deps.run(
        workflowDecider, stream,
        { type: 'ApplyEdits', definition: target, authors: attribution.authors, attribution: attribution.byEntity },
        { actor: actorFor(attribution.authors), requestId: `collab-${randomUUID()}` },
        { expectedRevision: committedRevision, workspaceId },
      );
      committed = target;
      committedRevision = result.revision;
      writer.markSynced(committedRevision);
    } catch (error) {
      for (const a of attribution.authors) tracker.credit(a);
      if (error instanceof WrongExpectedRevisionError) {
        // Someone else wrote first: bring their change in, then commit ours on top.
        await catchUpNow();
        scheduleCommit();
        return;
      }
      log.warn({ err: error }, 'collab: committing edits failed');
      flag([{ message: error instanceof Error ? error.message : String(error) }]);
    }
  }

  async function catchUpNow(): Promise<void> {
    const newer = await events.readStream(stream, { from: committedRevision + 1 });
    if (newer.length === 0) return;
    let state: WorkflowState = { ...workflowDecider.initialState(), exists: true, definition: committed, workspaceId };
    for (const event of newer) state = workflowDecider.evolve(state, event as unknown as WorkflowEvent);
    const next = state.definition!;
    if (!deepEqual(next, committed)) {
      applyDefinitionToDoc(doc, next, committed, EXTERNAL);
      // A write from outside can collide with edits in flight (a node name now used twice).
      repairDoc(doc);
    }
    committed = next;
    committedRevision = newer[newer.length - 1].revision;
    workspaceId = state.workspaceId;
    writer.markSynced(committedRevision);
  }

  // Stored edits a crash kept from being committed are committed now.
  if (!deepEqual(docToDefinition(doc), committed)) scheduleCommit();

  return {
    workflowId,
    room,
    doc,
    join(peer) {
      if (peer.name) names.set(peer.userId, peer.name);
      room.join(peer);
    },
    leave: (peer) => room.leave(peer),
    peerCount: () => room.peers().length,
    endAll(code, reason) {
      for (const peer of room.peers() as LivePeer[]) peer.end?.(code, reason);
    },
    revision: () => committedRevision,
    catchUp: () => serial(catchUpNow),
    async flush() {
      await serial(commit);
      await writer.flush();
    },
    async close() {
      await serial(commit);
      closed = true;
      if (debounce) clearTimeout(debounce);
      await writer.flush();
      tracker.dispose();
      room.destroy();
    },
  };
}
