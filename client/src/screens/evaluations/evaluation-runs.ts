// What the evaluations section shows: runs as the API lists them, and the points of a small chart
// of one metric's average over the runs (oldest left), scaled into a box.
import type { EvaluationRun } from '../../../../domain/index.ts';

export type EvaluationRunSummary = Omit<EvaluationRun, 'rows'>;
export type { EvaluationRun };

/** Every metric name the runs report, in first-seen order. */
export function metricNames(runs: EvaluationRunSummary[]): string[] {
  return [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))];
}

/**
 * SVG polyline points for `metric` over the finished runs (given newest first, drawn oldest first),
 * scaled to the runs' own min..max so small changes show; '' with fewer than two values.
 */
export function chartPoints(runs: EvaluationRunSummary[], metric: string, width: number, height: number): string {
  const values = runs.filter((r) => r.status === 'completed' && metric in r.metrics).map((r) => r.metrics[metric]).reverse();
  if (values.length < 2) return '';
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  return values.map((v, i) => `${((i / (values.length - 1)) * width).toFixed(1)},${(height - ((v - min) / span) * height).toFixed(1)}`).join(' ');
}

export const formatScore = (value: number | undefined) => (value === undefined ? '–' : Number.isInteger(value) ? String(value) : value.toFixed(3));
