// Bulk replay progress as live messages: each event of a `bulkreplay-<id>` stream becomes one
// message carrying the counts so far, so replay on watch and live delivery describe it alike.
// Progress is computed from the log (not told by the process running the bulk replay), so every
// server's feed can send it to its own sockets whichever process or worker ran the replays.
import type { BulkReplayItem, BulkReplayProgress, LiveRoom, RecordedEvent } from '../../domain/index.ts';
import type { EventStore } from '../../events/index.ts';
import { bulkReplayStream, foldBulkReplay, summarize, type BulkReplayStartedData } from '../bulk-replay/bulk-replay-events.ts';
import type { LiveBody } from './live-mapping.ts';

export const BULK_REPLAY_LIVE_PREFIX = 'bulkreplay-';
export const bulkReplayRoom = (bulkReplayId: string): LiveRoom => `bulkreplay:${bulkReplayId}`;
export const workflowBulkReplaysRoom = (workflowId: string): LiveRoom => `bulkreplays:${workflowId}`;

type Stored = Pick<RecordedEvent, 'type' | 'data' | 'revision' | 'position' | 'metadata' | 'stream'>;

/** The message for `recorded[index]`, given the stream's events up to it (undefined for unknown types). */
function bodyAt(recorded: Stored[], index: number): LiveBody | undefined {
  const event = recorded[index];
  const state = foldBulkReplay(recorded.slice(0, index + 1));
  if (!state.started) return undefined;
  const summary = summarize(state);
  const progress: BulkReplayProgress = {
    id: summary.id, total: summary.total, done: summary.done,
    succeeded: summary.counts.nowSucceeds + summary.counts.stillSucceeds + summary.counts.changedOutput,
    stillFailing: summary.counts.stillFails, failingDifferently: summary.counts.failsDifferently,
    state: state.finishedAt ? 'finished' : 'running',
  };
  const common = { stream: event.stream, revision: event.revision, position: event.position, at: event.metadata.at, workflowId: summary.workflowId };
  switch (event.type) {
    case 'BulkReplayStarted':
      return { ...common, type: 'bulkReplay.progress', data: progress };
    case 'BulkReplayItemFinished':
      return { ...common, type: 'bulkReplay.progress', data: { ...progress, item: event.data as BulkReplayItem } };
    case 'BulkReplayFinished':
      return { ...common, type: 'bulkReplay.finished', data: { ...progress, counts: summary.counts, items: summary.items } };
    default:
      return undefined;
  }
}

/** The bulk replay's messages with a revision above `after` (all of them without it). */
export async function replayBulkReplay(events: EventStore, bulkReplayId: string, after?: number): Promise<LiveBody[]> {
  const recorded = await events.readStream(bulkReplayStream(bulkReplayId));
  const out: LiveBody[] = [];
  for (let i = after === undefined ? 0 : after + 1; i < recorded.length; i++) {
    const body = bodyAt(recorded, i);
    if (body) out.push(body);
  }
  return out;
}

/** Who a bulk replay belongs to, from its first event (undefined: no such bulk replay). */
export async function bulkReplayOwner(events: EventStore, bulkReplayId: string): Promise<{ workflowId: string; workspaceId: string } | undefined> {
  const [first] = await events.readStream(bulkReplayStream(bulkReplayId), { limit: 1 });
  if (first?.type !== 'BulkReplayStarted') return undefined;
  const { workflowId, workspaceId } = first.data as BulkReplayStartedData;
  return { workflowId, workspaceId };
}

/** Most bulk replays whose events the feed keeps at hand (one being followed costs no re-read). */
const CACHED = 50;

/**
 * For the live feed: the message for each new bulk replay event. It keeps each followed bulk
 * replay's events so far, and reads the stream again only when it missed some (it skips events
 * while nobody watches).
 */
export function createBulkReplayMessages(events: EventStore) {
  const seen = new Map<string, Stored[]>();
  return {
    async body(event: RecordedEvent): Promise<LiveBody | undefined> {
      const id = event.stream.slice(BULK_REPLAY_LIVE_PREFIX.length);
      let recorded = seen.get(id);
      if (recorded && recorded.length === event.revision) recorded.push(event);
      else recorded = (await events.readStream(event.stream)).slice(0, event.revision + 1);
      seen.delete(id);
      if (event.type !== 'BulkReplayFinished') seen.set(id, recorded);
      if (seen.size > CACHED) seen.delete(seen.keys().next().value as string);
      return recorded.length === event.revision + 1 ? bodyAt(recorded, event.revision) : undefined;
    },
  };
}
