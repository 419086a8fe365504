// Adds up the insights projection's hour buckets over a period: totals, percentiles, the busiest and
// most failing workflows, and a time series. Pure, so the figures are tested without a server.
import type { InsightsFigures, InsightsPeriod, InsightsSeriesPoint } from '../../domain/index.ts';
import { mergeInto, percentile, type InsightsHourDoc, type RunTimeHistogram } from '../../projections/index.ts';

export const PERIODS = { '24h': { hours: 24, stepHours: 1 }, '7d': { hours: 24 * 7, stepHours: 6 }, '30d': { hours: 24 * 30, stepHours: 24 } } as const satisfies Record<InsightsPeriod, unknown>;
export type Period = InsightsPeriod;

const HOUR_MS = 3600_000;
/** How many workflows the busiest and most failing lists hold. */
const TOP = 5;

export interface WorkflowFigures extends InsightsFigures { workflowId: string }

export interface Summary extends InsightsFigures {
  period: Period;
  since: string;
  until: string;
  series: InsightsSeriesPoint[];
  byWorkflow: WorkflowFigures[];
}

/** The period's window: whole hours, ending with the hour now is in. */
export function windowOf(period: Period, now: Date): { since: Date; until: Date } {
  const until = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  return { since: new Date(until.getTime() - PERIODS[period].hours * HOUR_MS), until };
}

interface Tally { runs: number; failures: number; runTimeMs: number; histogram: RunTimeHistogram; timeSavedMinutes: number }
const emptyTally = (): Tally => ({ runs: 0, failures: 0, runTimeMs: 0, histogram: {}, timeSavedMinutes: 0 });

function add(tally: Tally, doc: InsightsHourDoc): void {
  tally.runs += doc.runs;
  tally.failures += doc.failures;
  tally.runTimeMs += doc.runTimeMs;
  tally.timeSavedMinutes += doc.timeSavedMinutes;
  mergeInto(tally.histogram, doc.histogram);
}

function figures(t: Tally): InsightsFigures {
  const some = t.runs > 0;
  return {
    runs: t.runs,
    failures: t.failures,
    failureRate: some ? Math.round((t.failures / t.runs) * 10_000) / 10_000 : 0,
    runTime: {
      p50Ms: percentile(t.histogram, 50) ?? null,
      p95Ms: percentile(t.histogram, 95) ?? null,
      averageMs: some ? Math.round(t.runTimeMs / t.runs) : null,
    },
    timeSavedMinutes: Math.round(t.timeSavedMinutes * 100) / 100,
  };
}

export function summarise(docs: InsightsHourDoc[], period: Period, now: Date): Summary {
  const { since, until } = windowOf(period, now);
  const stepMs = PERIODS[period].stepHours * HOUR_MS;
  const steps = Array.from({ length: PERIODS[period].hours / PERIODS[period].stepHours }, emptyTally);
  const total = emptyTally();
  const byWorkflow = new Map<string, Tally>();
  for (const doc of docs) {
    const at = Date.parse(doc.hour);
    if (at < since.getTime() || at >= until.getTime()) continue;
    add(total, doc);
    add(steps[Math.floor((at - since.getTime()) / stepMs)]!, doc);
    const tally = byWorkflow.get(doc.workflowId) ?? emptyTally();
    add(tally, doc);
    byWorkflow.set(doc.workflowId, tally);
  }
  return {
    period, since: since.toISOString(), until: until.toISOString(), ...figures(total),
    series: steps.map((t, i) => ({ start: new Date(since.getTime() + i * stepMs).toISOString(), ...figures(t) })),
    byWorkflow: [...byWorkflow].map(([workflowId, t]) => ({ workflowId, ...figures(t) })),
  };
}

/** The workflows with the most runs. */
export function busiest(workflows: WorkflowFigures[]): WorkflowFigures[] {
  return [...workflows].sort((a, b) => b.runs - a.runs || a.workflowId.localeCompare(b.workflowId)).slice(0, TOP);
}

/** The workflows with the most failures (then the highest failure rate); only those that failed. */
export function mostFailing(workflows: WorkflowFigures[]): WorkflowFigures[] {
  return workflows.filter((w) => w.failures > 0)
    .sort((a, b) => b.failures - a.failures || b.failureRate - a.failureRate || a.workflowId.localeCompare(b.workflowId)).slice(0, TOP);
}
