import { describe, expect, it } from 'vitest';
import { withSample, type InsightsHourDoc } from '../../projections/index.ts';
import { busiest, mostFailing, summarise, windowOf } from './summarise.ts';

const now = new Date('2026-03-10T12:34:00.000Z');
function hour(workflowId: string, at: string, runs: number, failures: number, ms: number): InsightsHourDoc {
  return {
    id: `${workflowId}:${at}`, workspaceId: 'ws', workflowId, hour: at, runs, failures, runTimeMs: ms * runs,
    histogram: Array.from({ length: runs }, () => ms).reduce(withSample, {}), timeSavedMinutes: (runs - failures) * 2,
  };
}

describe('insights summary', () => {
  it('covers whole hours up to the current one', () => {
    expect(windowOf('24h', now)).toEqual({ since: new Date('2026-03-09T13:00:00.000Z'), until: new Date('2026-03-10T13:00:00.000Z') });
  });

  it('adds up the hours inside the window into totals, steps and workflows', () => {
    const docs = [
      hour('a', '2026-03-10T12:00:00.000Z', 4, 1, 100),
      hour('a', '2026-03-09T13:00:00.000Z', 2, 0, 1000),
      hour('b', '2026-03-10T06:00:00.000Z', 2, 2, 10),
      hour('b', '2026-03-09T12:00:00.000Z', 50, 50, 10), // before the window
    ];
    const s = summarise(docs, '24h', now);
    expect(s).toMatchObject({ runs: 8, failures: 3, failureRate: 0.375, timeSavedMinutes: 10, runTime: { averageMs: Math.round((400 + 2000 + 20) / 8) } });
    expect(s.series).toHaveLength(24);
    expect(s.series[0]).toMatchObject({ start: '2026-03-09T13:00:00.000Z', runs: 2 });
    expect(s.series[23]).toMatchObject({ start: '2026-03-10T12:00:00.000Z', runs: 4, failures: 1 });
    expect(busiest(s.byWorkflow).map((w) => w.workflowId)).toEqual(['a', 'b']);
    expect(mostFailing(s.byWorkflow).map((w) => [w.workflowId, w.failureRate])).toEqual([['b', 1], ['a', 0.1667]]);
    const week = summarise(docs, '7d', now);
    expect(week.series).toHaveLength(28);
    expect(week.runs).toBe(58);
  });
});
