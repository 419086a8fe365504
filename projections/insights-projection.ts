// Read model of insights (n8n's): per workflow and hour, the production runs that finished, how
// many failed, their run times as a histogram, and the time they saved. Manual, sub-workflow and
// internal runs do not count, nor canceled ones, as in n8n. Time saved: the workflow's
// `timeSavedPerExecution` (minutes) per successful run, as the setting stood when the run
// finished (the published version's once the workflow is published, else the draft's).
import {
  DEFAULT_WORKSPACE_ID, streamCategory, streamId, WORKFLOW_CATEGORY,
  type RecordedEvent, type WorkflowDefinition, type WorkflowSettings,
} from '../domain/index.ts';
import type { Projection } from './projection.ts';
import type { Collection } from './read-model-store.ts';
import { withSample, type RunTimeHistogram } from './run-time-histogram.ts';

export const INSIGHTS_HOURS = 'hours';
const RUNS_IN_FLIGHT = 'inflight';
const WORKFLOW_SETTINGS = 'settings';

export interface InsightsHourDoc {
  [k: string]: unknown;
  /** `<workflowId>:<hour>`. */
  id: string;
  workspaceId: string;
  workflowId: string;
  /** The hour's start, ISO (`2026-01-02T03:00:00.000Z`). */
  hour: string;
  runs: number;
  failures: number;
  runTimeMs: number;
  histogram: RunTimeHistogram;
  timeSavedMinutes: number;
}

interface RunInFlightDoc {
  [k: string]: unknown;
  id: string;
  workflowId: string;
  workspaceId?: string;
  startedAt: string;
}

interface WorkflowSettingsDoc {
  [k: string]: unknown;
  id: string;
  workspaceId: string;
  draftMinutes?: number;
  /** Set once published (null: published without the setting). */
  publishedMinutes?: number | null;
}

/** n8n's insights leave these run modes out: test runs, sub-workflows, internal runs. */
const NOT_PRODUCTION = new Set(['manual', 'integrated', 'internal', 'evaluation']);
const FAILED = new Set(['error', 'crashed']);

const minutesOf = (settings: WorkflowSettings | undefined): number | undefined => settings?.timeSavedPerExecution;
const HOUR_MS = 3600_000;
const hourOf = (iso: string): string => new Date(Math.floor(Date.parse(iso) / HOUR_MS) * HOUR_MS).toISOString();

export const insightsProjection: Projection = {
  name: 'insights',
  version: 1,
  collections: [
    { name: INSIGHTS_HOURS, indexes: [{ fields: ['workspaceId', 'hour'] }, { fields: ['workflowId', 'hour'] }] },
    { name: RUNS_IN_FLIGHT },
    { name: WORKFLOW_SETTINGS },
  ],
  accepts: (event) => {
    const category = streamCategory(event.stream);
    return category === WORKFLOW_CATEGORY || (category === 'execution' && (event.type === 'ExecutionStarted' || event.type === 'ExecutionFinished'));
  },
  async apply(event: RecordedEvent, tx) {
    const settings = tx.collection<WorkflowSettingsDoc>(WORKFLOW_SETTINGS);
    if (streamCategory(event.stream) === WORKFLOW_CATEGORY) return followSettings(event, settings);
    const inFlight = tx.collection<RunInFlightDoc>(RUNS_IN_FLIGHT);
    const id = streamId(event.stream);
    if (event.type === 'ExecutionStarted') {
      const data = event.data as { workflowId: string; mode: string; startedAt?: string };
      // A run continued by another worker starts again: its first start counts.
      if (NOT_PRODUCTION.has(data.mode) || (await inFlight.get(id))) return;
      await inFlight.upsert({
        id, workflowId: data.workflowId, startedAt: data.startedAt ?? event.metadata.at,
        ...(event.metadata.workspaceId ? { workspaceId: event.metadata.workspaceId } : {}),
      });
      return;
    }
    const run = await inFlight.get(id);
    if (!run) return;
    await inFlight.delete(id);
    const { status, stoppedAt } = event.data as { status: string; stoppedAt?: string };
    if (status !== 'success' && !FAILED.has(status)) return;
    const workflow = await settings.get(run.workflowId);
    const finishedAt = stoppedAt ?? event.metadata.at;
    await addRun(tx.collection<InsightsHourDoc>(INSIGHTS_HOURS), {
      workflowId: run.workflowId,
      workspaceId: run.workspaceId ?? workflow?.workspaceId ?? DEFAULT_WORKSPACE_ID,
      hour: hourOf(finishedAt),
      failed: FAILED.has(status),
      runTimeMs: Math.max(0, Date.parse(finishedAt) - Date.parse(run.startedAt)),
      // A failed run saved no one any time.
      minutesSaved: FAILED.has(status) ? 0 : (workflow?.publishedMinutes === undefined ? workflow?.draftMinutes : workflow.publishedMinutes) ?? 0,
    });
  },
};

interface FinishedRun { workflowId: string; workspaceId: string; hour: string; failed: boolean; runTimeMs: number; minutesSaved: number }

async function addRun(hours: Collection<InsightsHourDoc>, run: FinishedRun): Promise<void> {
  const id = `${run.workflowId}:${run.hour}`;
  const doc = await hours.get(id) ?? {
    id, workspaceId: run.workspaceId, workflowId: run.workflowId, hour: run.hour, runs: 0, failures: 0, runTimeMs: 0, histogram: {}, timeSavedMinutes: 0,
  };
  await hours.upsert({
    ...doc,
    runs: doc.runs + 1,
    failures: doc.failures + (run.failed ? 1 : 0),
    runTimeMs: doc.runTimeMs + run.runTimeMs,
    histogram: withSample(doc.histogram, run.runTimeMs),
    timeSavedMinutes: doc.timeSavedMinutes + run.minutesSaved,
  });
}

/** Keeps each workflow's workspace and its time-saved setting (draft and published). */
async function followSettings(event: RecordedEvent, settings: Collection<WorkflowSettingsDoc>): Promise<void> {
  const id = streamId(event.stream);
  const data = event.data as { workspaceId?: string; definition?: WorkflowDefinition; after?: WorkflowSettings };
  if (event.type === 'WorkflowCreated') {
    await settings.upsert({ id, workspaceId: data.workspaceId ?? DEFAULT_WORKSPACE_ID, draftMinutes: minutesOf(data.definition?.settings) });
    return;
  }
  const doc = await settings.get(id);
  if (!doc) return;
  switch (event.type) {
    case 'WorkflowDefinitionReplaced':
    case 'WorkflowVersionRestored':
      await settings.patch(id, { draftMinutes: minutesOf(data.definition?.settings) });
      return;
    case 'WorkflowSettingsChanged':
      await settings.patch(id, { draftMinutes: minutesOf(data.after) });
      return;
    case 'WorkflowPublished':
      await settings.patch(id, { publishedMinutes: minutesOf(data.definition?.settings) ?? null });
      return;
    default:
  }
}
