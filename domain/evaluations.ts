// AI evaluations (issue 17): a run feeds every dataset row through the workflow and scores it. Runs
// are events on their own stream per workflow (`evaluations-<workflowId>`), so recording them never
// bumps the workflow's revision; folding the stream gives each run's rows, averages and the
// workflow revision it evaluated (scores over time per version).
import { streamName } from './events.ts';

export const EVALUATION_CATEGORY = 'evaluations';
export const evaluationStreamName = (workflowId: string) => streamName(EVALUATION_CATEGORY, workflowId);

export type EvaluationMetrics = Record<string, number>;

export interface EvaluationRunStartedData { runId: string; revision: number; rowCount: number; triggerNode: string }
export interface EvaluationRowData {
  runId: string;
  index: number;
  /** The dataset row's id in its data table. */
  rowId?: number;
  executionId?: string;
  status: 'success' | 'error';
  metrics: EvaluationMetrics;
  /** What Set Inputs / Set Outputs recorded. */
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  error?: string;
}
export interface EvaluationRunFinishedData { runId: string; status: 'completed' | 'error'; metrics: EvaluationMetrics; error?: string }

export type EvaluationEvent =
  | { type: 'EvaluationRunStarted'; data: EvaluationRunStartedData }
  | { type: 'EvaluationRowEvaluated'; data: EvaluationRowData }
  | { type: 'EvaluationRunFinished'; data: EvaluationRunFinishedData };

export interface EvaluationRun {
  id: string;
  revision: number;
  status: 'running' | 'completed' | 'error';
  startedAt: string;
  finishedAt?: string;
  startedBy?: string;
  rowCount: number;
  /** Rows evaluated so far, and how many of them failed. */
  rowsDone: number;
  rowsFailed: number;
  /** Per metric, the average over the rows that reported it. */
  metrics: EvaluationMetrics;
  error?: string;
  rows: EvaluationRowData[];
}

/** The mean of each metric over the rows that have it (n8n averages each metric on its own). */
export function averageMetrics(rows: Array<{ metrics: EvaluationMetrics }>): EvaluationMetrics {
  const sums = new Map<string, { total: number; count: number }>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row.metrics)) {
      const entry = sums.get(name) ?? { total: 0, count: 0 };
      sums.set(name, { total: entry.total + value, count: entry.count + 1 });
    }
  }
  return Object.fromEntries([...sums].map(([name, { total, count }]) => [name, total / count]));
}

type Recorded = { type: string; data: unknown; metadata?: { at?: string; actor?: { id?: string } } };

/** Every run of the stream, oldest first. */
export function foldEvaluationRuns(events: Recorded[]): EvaluationRun[] {
  const runs = new Map<string, EvaluationRun>();
  for (const event of events) {
    const e = event as EvaluationEvent & Recorded;
    if (e.type === 'EvaluationRunStarted') {
      runs.set(e.data.runId, {
        id: e.data.runId, revision: e.data.revision, status: 'running', startedAt: event.metadata?.at ?? '',
        ...(event.metadata?.actor?.id ? { startedBy: event.metadata.actor.id } : {}),
        rowCount: e.data.rowCount, rowsDone: 0, rowsFailed: 0, metrics: {}, rows: [],
      });
    } else if (e.type === 'EvaluationRowEvaluated') {
      const run = runs.get(e.data.runId);
      if (!run) continue;
      run.rows.push(e.data);
      run.rowsDone += 1;
      if (e.data.status === 'error') run.rowsFailed += 1;
      run.metrics = averageMetrics(run.rows);
    } else if (e.type === 'EvaluationRunFinished') {
      const run = runs.get(e.data.runId);
      if (!run) continue;
      Object.assign(run, { status: e.data.status, metrics: e.data.metrics, finishedAt: event.metadata?.at ?? '' }, e.data.error ? { error: e.data.error } : {});
    }
  }
  return [...runs.values()];
}
