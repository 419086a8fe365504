// What the insights API answers (GET /api/v1/insights): one definition for the server that builds
// it (server/insights) and the editor screen that shows it.

export type InsightsPeriod = '24h' | '7d' | '30d';

export interface InsightsFigures {
  runs: number;
  failures: number;
  /** failures / runs, 0 without runs. */
  failureRate: number;
  /** Run times in ms; null without runs. */
  runTime: { p50Ms: number | null; p95Ms: number | null; averageMs: number | null };
  timeSavedMinutes: number;
}

export interface InsightsSeriesPoint extends InsightsFigures { start: string }

/** A workflow in the busiest or most failing list; name null once it is deleted. */
export interface RankedWorkflow extends InsightsFigures { workflowId: string; name: string | null }

export interface InsightsSummary extends InsightsFigures {
  period: InsightsPeriod;
  since: string;
  until: string;
  series: InsightsSeriesPoint[];
  busiest: RankedWorkflow[];
  mostFailing: RankedWorkflow[];
}
