import { describe, expect, it } from 'vitest';
import { chartPoints, formatScore, metricNames, type EvaluationRunSummary } from './evaluation-runs.ts';

const run = (metrics: Record<string, number>, status: EvaluationRunSummary['status'] = 'completed'): EvaluationRunSummary =>
  ({ id: 'r', revision: 1, status, startedAt: '', rowCount: 1, rowsDone: 1, rowsFailed: 0, metrics });

describe('evaluation runs in the editor', () => {
  it('names every metric once, and charts one oldest-first, scaled to its own range', () => {
    const runs = [run({ a: 1, b: 2 }), run({ a: 0.5 }), run({ a: 0 }, 'error'), run({ a: 0 })];
    expect(metricNames(runs)).toEqual(['a', 'b']);
    // Newest first in: 1 (newest), 0.5, [error skipped], 0 (oldest) → drawn 0, 0.5, 1 left to right.
    expect(chartPoints(runs, 'a', 100, 10)).toBe('0.0,10.0 50.0,5.0 100.0,0.0');
    expect(chartPoints(runs, 'b', 100, 10)).toBe('');
    expect(formatScore(0.83333)).toBe('0.833');
    expect(formatScore(3)).toBe('3');
    expect(formatScore(undefined)).toBe('–');
  });
});
