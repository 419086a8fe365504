// The shapes GET /api/v1/insights answers with (server/insights/summarise.ts).
export type Period = '24h' | '7d' | '30d';

export interface Figures {
  runs: number;
  failures: number;
  failureRate: number;
  runTime: { p50Ms: number | null; p95Ms: number | null; averageMs: number | null };
  timeSavedMinutes: number;
}

export interface RankedWorkflow extends Figures { workflowId: string; name: string | null }

export interface InsightsSummary extends Figures {
  period: Period;
  since: string;
  until: string;
  series: (Figures & { start: string })[];
  busiest: RankedWorkflow[];
  mostFailing: RankedWorkflow[];
}
