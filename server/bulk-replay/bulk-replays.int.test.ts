// Bulk replay (issue 25): 50 failed runs replayed on the fixed draft, and a filter on the error message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support.ts';
import { apiClient, codeWorkflow, failing, finished, fixedCode, json } from './bulk-replay-test-helpers.ts';

let server: TestServer;
const { api, post } = apiClient(() => server.url);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('bulk replay', () => {
  it('replays the failed runs on the fixed draft and sorts each by outcome', async () => {
    const created = await json<{ id: string }>(await post('/api/v1/workflows', codeWorkflow(failing)), 201);
    // 50 failing runs (10 of them 'quota' failures), 3 good ones: started with their trigger data.
    const kinds = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? 'quota' : 'input'));
    const runOne = async (json: Record<string, unknown>) =>
      (await (await post(`/api/v1/workflows/${created.id}/run?wait=true`, { triggerItems: [{ json }] })).json()) as { id: string; status: string };
    const failed: { id: string; status: string }[] = [];
    for (let i = 0; i < kinds.length; i += 10) failed.push(...(await Promise.all(kinds.slice(i, i + 10).map((kind, j) => runOne({ fail: true, kind, n: i + j })))));
    expect(failed.every((r) => r.status === 'error')).toBe(true);
    const good = await Promise.all([1, 2, 3].map((n) => runOne({ fail: false, n })));
    expect(good.every((r) => r.status === 'success')).toBe(true);

    // Fix the draft, then replay every failed run on it.
    const fixedAt = new Date().toISOString();
    await json(await api(`/api/v1/workflows/${created.id}`, { method: 'PUT', body: JSON.stringify(codeWorkflow(fixedCode)) }));
    const all = await json<{ id: string; total: number }>(await post(`/api/v1/workflows/${created.id}/bulk-replays`, {
      filter: { status: 'error' }, version: 'draft', limit: 500, concurrency: 4,
    }), 202);
    expect(all.total).toBe(50);
    const summary = await finished(api, all.id);
    expect(summary).toMatchObject({ total: 50, done: 50, counts: { nowSucceeds: 50, stillFails: 0, failsDifferently: 0, stillSucceeds: 0, changedOutput: 0 } });
    expect(new Set(summary.items.map((i) => i.executionId))).toEqual(new Set(failed.map((r) => r.id)));
    const item = summary.items.find((i) => i.executionId === failed[0].id)!;
    expect(item).toMatchObject({ outcome: 'nowSucceeds', changedNodes: ['Code'] });
    // Throttled: never more than 4 of the replays ran at once (the worker alone would run 10).
    const replayIds = new Set(summary.items.map((i) => i.replayId));
    const listed = await json<{ data: { id: string; startedAt: string; stoppedAt: string }[] }>(await api(`/api/v1/executions?workflowId=${created.id}&limit=250`));
    const spans = listed.data.filter((r) => replayIds.has(r.id));
    expect(spans).toHaveLength(50);
    const edges = spans.flatMap((r) => [[Date.parse(r.startedAt), 1], [Date.parse(r.stoppedAt), -1]]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let running = 0;
    let most = 0;
    for (const [, step] of edges) most = Math.max(most, (running += step));
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(4);
    // The replay is a run linked to its original, on the draft.
    const replay = await json<{ status: string; rerunOf: string }>(await api(`/api/v1/executions/${item.replayId}`));
    expect(replay).toMatchObject({ status: 'success', rerunOf: failed[0].id });

    // A filter on the error message (any case) selects only the matching runs; on their own version they still fail.
    const quota = await json<{ id: string; total: number }>(await post(`/api/v1/workflows/${created.id}/bulk-replays`, {
      filter: { status: 'error', errorContains: 'QUOTA' }, version: 'original', concurrency: 5,
    }), 202);
    expect(quota.total).toBe(10);
    const quotaDone = await finished(api, quota.id);
    expect(quotaDone.counts).toEqual({ nowSucceeds: 0, stillFails: 10, failsDifferently: 0, stillSucceeds: 0, changedOutput: 0 });
    const quotaIds = new Set(failed.filter((_, i) => kinds[i] === 'quota').map((r) => r.id));
    expect(new Set(quotaDone.items.map((i) => i.executionId))).toEqual(quotaIds);
    expect(quotaDone.items[0].error).toContain('cannot handle quota');

    // The good runs replayed on the draft: same output, still succeeding.
    const successes = await json<{ id: string; total: number }>(await post(`/api/v1/workflows/${created.id}/bulk-replays`, {
      filter: { status: 'success', until: fixedAt }, version: 'draft',
    }), 202);
    expect(successes.total).toBe(3);
    expect((await finished(api, successes.id)).counts.stillSucceeds).toBe(3);
  });
});
