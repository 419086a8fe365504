// Bulk replay: clear 400s, other workspaces' workflows and bulk replays not found, and resuming after a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WORKSPACE_ID, eventIdFor } from '../../domain/index.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { bulkReplayStream, type BulkReplayStartedData } from './bulk-replay-events.ts';
import { apiClient, codeWorkflow, failing, finished, fixedCode, json } from './bulk-replay-test-helpers.ts';

let server: TestServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-bulk-'));
const { api, post } = apiClient(() => server.url);

beforeAll(async () => {
  server = await startTestServer({}, dataDir);
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('bulk replay requests', () => {
  it('answers 400 for a bad body and 404 for what another workspace holds', async () => {
    const created = await json<{ id: string }>(await post('/api/v1/workflows', codeWorkflow(fixedCode)), 201);
    const path = `/api/v1/workflows/${created.id}/bulk-replays`;
    const bad: [unknown, string][] = [
      [{ filter: {}, version: 'latest' }, 'version'],
      [{ filter: {}, version: -1 }, 'version'],
      [{ filter: {} }, 'version'],
      [{ filter: { status: 'running' }, version: 'draft' }, 'status'],
      [{ filter: { since: 'yesterday' }, version: 'draft' }, 'since'],
      [{ filter: { errorContains: '' }, version: 'draft' }, 'errorContains'],
      [{ filter: { colour: 'red' }, version: 'draft' }, 'colour'],
      [{ filter: {}, version: 'draft', limit: 501 }, 'limit'],
      [{ filter: {}, version: 'draft', concurrency: 0 }, 'concurrency'],
      [{ filter: {}, version: 'draft', concurrency: 11 }, 'concurrency'],
      [{ version: 'draft' }, 'filter'],
    ];
    for (const [body, field] of bad) {
      const res = await post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(await res.json()), JSON.stringify(body)).toContain(field);
    }
    expect((await post('/api/v1/workflows/nope123/bulk-replays', { filter: {}, version: 'draft' })).status).toBe(404);
    expect((await api('/api/v1/bulk-replays/nope123')).status).toBe(404);
    // Versions that cannot be had are refused before anything runs.
    const unpublished = await post(path, { filter: {}, version: 'published' });
    expect(unpublished.status).toBe(400);
    expect(await unpublished.text()).toContain('never been published');
    expect((await post(path, { filter: {}, version: 999 })).status).toBe(404);

    // Nothing selected: a bulk replay of no runs is finished at once.
    const empty = await json<{ id: string; total: number }>(await post(path, { filter: {}, version: 'draft' }), 202);
    expect(empty.total).toBe(0);
    expect(await finished(api, empty.id)).toMatchObject({ total: 0, done: 0, status: 'finished' });

    // Another workspace, reached with a session: its workflow and its bulk replays are not found from here.
    const signin = await post('/api/v1/auth/signin', { email: TEST_OWNER.email, password: TEST_OWNER.password });
    const cookie = signin.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const other = await json<{ id: string }>(await fetch(`${server.url}/api/v1/workspaces`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Bulk elsewhere' }),
    }), 201);
    const inOther = (p: string, body: unknown) => fetch(`${server.url}${p}`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json', 'X-Workspace-Id': other.id }, body: JSON.stringify(body),
    });
    const foreign = await json<{ id: string }>(await inOther('/api/v1/workflows', codeWorkflow(fixedCode)), 201);
    expect((await post(`/api/v1/workflows/${foreign.id}/bulk-replays`, { filter: {}, version: 'draft' })).status).toBe(404);
    const foreignBulk = await json<{ id: string }>(await inOther(`/api/v1/workflows/${foreign.id}/bulk-replays`, { filter: {}, version: 'draft' }), 202);
    expect((await api(`/api/v1/bulk-replays/${foreignBulk.id}`)).status).toBe(404);
  });

  it('goes on after a restart with the runs not yet replayed', async () => {
    const created = await json<{ id: string }>(await post('/api/v1/workflows', codeWorkflow(failing)), 201);
    const runs = await Promise.all([1, 2, 3].map(async (n) => json<{ id: string; status: string }>(
      await post(`/api/v1/workflows/${created.id}/run?wait=true`, { triggerItems: [{ json: { fail: true, kind: 'input', n } }] }), 201)));
    await json(await api(`/api/v1/workflows/${created.id}`, { method: 'PUT', body: JSON.stringify(codeWorkflow(fixedCode)) }));
    // The log as a server stopped after the first replay leaves it: started, one item, no end.
    const started: BulkReplayStartedData = {
      bulkReplayId: 'resumeme1', workflowId: created.id, workspaceId: DEFAULT_WORKSPACE_ID, version: 'draft', concurrency: 2,
      filter: { status: 'error' }, executionIds: runs.map((r) => r.id), startedAt: new Date().toISOString(),
    };
    const metadata = { actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c', causationId: 'c', at: started.startedAt, schemaVersion: 1, workspaceId: DEFAULT_WORKSPACE_ID };
    await server.runtime.events.append(bulkReplayStream('resumeme1'), [
      { id: eventIdFor('resume-test', 0), type: 'BulkReplayStarted', data: started, metadata },
      { id: eventIdFor('resume-test', 1), type: 'BulkReplayItemFinished', data: { executionId: runs[0].id, replayId: 'earlier', outcome: 'stillFails', error: 'x' }, metadata },
    ]);
    await server.close();
    server = await startTestServer({}, dataDir);

    const summary = await finished(api, 'resumeme1');
    expect(summary).toMatchObject({ total: 3, done: 3, counts: { stillFails: 1, nowSucceeds: 2 } });
    expect(summary.items[0]).toEqual({ executionId: runs[0].id, replayId: 'earlier', outcome: 'stillFails', error: 'x' });
    expect(summary.items.slice(1).map((i) => i.executionId).sort()).toEqual([runs[1].id, runs[2].id].sort());
  });
});
