// What the run lists say about a run: its duration, its error and the run it came from.
import { describe, expect, it } from 'vitest';
import { customDataQuery, formatDuration, runCustomData, runDuration, runError, runOrigin } from './run-summary.ts';

describe('run summaries', () => {
  it('reads a duration as people say it', () => {
    expect(formatDuration(840)).toBe('840 ms');
    expect(formatDuration(3240).replace(',', '.')).toBe('3.2 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(3_840_000)).toBe('1 h 4 min');
  });

  it('says a run is still going instead of a duration', () => {
    expect(runDuration({ status: 'running', startedAt: '2026-01-01T00:00:00Z' })).toBe('running…');
    expect(runDuration({ status: 'success', startedAt: '2026-01-01T00:00:00.000Z', stoppedAt: '2026-01-01T00:00:00.840Z' })).toBe('840 ms');
  });

  it('names the failing node and the run a retry or re-run came from', () => {
    expect(runError({ error: { message: 'not yet', node: 'Check' } })).toBe('Check: not yet');
    expect(runError({})).toBeUndefined();
    expect(runOrigin({ rerunOf: 'abcdefghijkl', startNode: 'Set' })).toEqual({ id: 'abcdefghijkl', text: 're-run of #abcdef from node Set' });
    expect(runOrigin({ retryOf: 'zyxwvu123456' })?.text).toBe('retry of #zyxwvu');
    expect(runOrigin({})).toBeUndefined();
  });

  it("lists a run's custom data and builds n8n's metadata filter from one key and value", () => {
    expect(runCustomData({ customData: { orderId: '42', customer: 'ann' } })).toEqual([{ key: 'orderId', value: '42' }, { key: 'customer', value: 'ann' }]);
    expect(runCustomData({})).toEqual([]);
    expect(customDataQuery(' orderId ', '42', true)).toBe('[{"key":"orderId","value":"42","exactMatch":true}]');
    expect(customDataQuery('orderId', 'an', false)).toBe('[{"key":"orderId","value":"an"}]');
    expect(customDataQuery('  ', 'x', true)).toBeUndefined();
  });
});
