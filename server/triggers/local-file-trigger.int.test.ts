// The Local File Trigger armed in a real server (FILES_ALLOWED_DIRS set): a new file in the watched
// folder starts a run with { event, path }; a change to another file does not (only 'add' is watched);
// once the workflow is deactivated, new files start nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

let root = '';
let server: TestServer;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'weft-lft-int-'));
  mkdirSync(join(root, 'files', 'inbox'), { recursive: true });
  writeFileSync(join(root, 'files', 'inbox', 'existing.txt'), 'old');
  server = await startTestServer({ FILES_ALLOWED_DIRS: join(root, 'files') });
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function api(method: string, url: string, body?: unknown) {
  const res = await fetch(`${server.url}${url}`, { method, headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function runs(workflowId: string): Promise<Array<{ id: string; status: string }>> {
  return (await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`)).body.data;
}

describe('localFileTrigger in a running server', () => {
  it('fires on a new file in an active workflow, and stops when deactivated', async () => {
    const inbox = join(root, 'files', 'inbox');
    const created = await api('POST', '/api/v1/workflows', {
      name: 'Watch inbox', settings: { executionOrder: 'v1' }, connections: {},
      nodes: [{ id: 'w', name: 'Local File Trigger', type: 'n8n-nodes-base.localFileTrigger', typeVersion: 1, position: [0, 0], parameters: { triggerOn: 'folder', path: inbox, events: ['add'] } }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await api('POST', `/api/v1/workflows/${id}/activate`)).status).toBe(200);

    writeFileSync(join(inbox, 'existing.txt'), 'changed');
    writeFileSync(join(inbox, 'new.csv'), 'a,b');
    let list: Array<{ id: string; status: string }> = [];
    for (let i = 0; i < 100 && !(list.length && list.every((e) => e.status === 'success')); i++) {
      await sleep(100);
      list = await runs(id);
    }
    expect(list).toHaveLength(1);
    const run = (await api('GET', `/api/v1/executions/${list[0].id}?includeData=true`)).body;
    expect(run.data.resultData.runData['Local File Trigger'][0].data.main[0].map((item: { json: unknown }) => item.json)).toEqual([{ event: 'add', path: join(inbox, 'new.csv') }]);

    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    writeFileSync(join(inbox, 'after.txt'), 'x');
    await sleep(800);
    expect(await runs(id)).toHaveLength(1);
  }, 30_000);

  it('refuses to activate a watch outside FILES_ALLOWED_DIRS', async () => {
    const created = await api('POST', '/api/v1/workflows', {
      name: 'Watch etc', settings: { executionOrder: 'v1' }, connections: {},
      nodes: [{ id: 'w', name: 'Local File Trigger', type: 'n8n-nodes-base.localFileTrigger', typeVersion: 1, position: [0, 0], parameters: { triggerOn: 'folder', path: '/etc', events: ['add'] } }],
    });
    const activated = await api('POST', `/api/v1/workflows/${created.body.id}/activate`);
    expect(activated.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(activated.body)).toContain('Access to the file is not allowed: /etc');
  });
});
