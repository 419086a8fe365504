// A bulk replay's record, event-sourced on `bulkreplay-<id>`: what it selected, each replay's outcome, its end.
export const bulkReplayStream = (id: string): string => `bulkreplay-${id}`;
export const BULK_REPLAY_STREAM_PREFIX = 'bulkreplay-';

export type BulkReplayVersion = 'original' | 'draft' | 'published' | number;

export const OUTCOMES = ['nowSucceeds', 'stillFails', 'failsDifferently', 'stillSucceeds', 'changedOutput'] as const;
export type BulkReplayOutcome = (typeof OUTCOMES)[number];

export interface BulkReplayStartedData {
  bulkReplayId: string;
  workflowId: string;
  workspaceId: string;
  version: BulkReplayVersion;
  concurrency: number;
  filter: Record<string, unknown>;
  executionIds: string[];
  startedAt: string;
}

export interface BulkReplayItemFinishedData {
  executionId: string;
  /** Absent when the replay could not even be started (then `error` says why). */
  replayId?: string;
  outcome: BulkReplayOutcome;
  error?: string;
  /** Nodes whose output or error differs from the original's (from diffRuns). */
  changedNodes?: string[];
}

export interface BulkReplayFinishedData { finishedAt: string }

export interface BulkReplayState {
  started?: BulkReplayStartedData;
  items: BulkReplayItemFinishedData[];
  finishedAt?: string;
}

/** Folds the stream; an item recorded twice (a resumed replay racing a late append) counts once. */
export function foldBulkReplay(events: { type: string; data: unknown }[]): BulkReplayState {
  const state: BulkReplayState = { items: [] };
  const seen = new Set<string>();
  for (const e of events) {
    if (e.type === 'BulkReplayStarted') state.started = e.data as BulkReplayStartedData;
    else if (e.type === 'BulkReplayItemFinished') {
      const item = e.data as BulkReplayItemFinishedData;
      if (seen.has(item.executionId)) continue;
      seen.add(item.executionId);
      state.items.push(item);
    } else if (e.type === 'BulkReplayFinished') state.finishedAt = (e.data as BulkReplayFinishedData).finishedAt;
  }
  return state;
}

/** The ids selected but not yet finished, in selection order: what a resumed bulk replay still runs. */
export function pendingIds(state: BulkReplayState): string[] {
  const done = new Set(state.items.map((i) => i.executionId));
  return (state.started?.executionIds ?? []).filter((id) => !done.has(id));
}

/** The API's view: progress and counts per outcome. */
export function summarize(state: BulkReplayState) {
  const started = state.started!;
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<BulkReplayOutcome, number>;
  for (const item of state.items) counts[item.outcome]++;
  return {
    id: started.bulkReplayId, workflowId: started.workflowId, version: started.version, filter: started.filter,
    status: state.finishedAt ? 'finished' : 'running', startedAt: started.startedAt, finishedAt: state.finishedAt ?? null,
    total: started.executionIds.length, done: state.items.length, counts, items: state.items,
  };
}
