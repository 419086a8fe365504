// A community poller's static data (its "last seen" cursor) on a real server: kept between polls
// and across a restart on the same data folder, so nothing is delivered twice. A local HTTP server
// stands in for the polled service and records the cursor each poll asked with.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticDataStreamName } from '../../domain/index.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { TRIGGER_PACKAGE, writeTriggerPackage } from './trigger-fixture-package.ts';

let saas: Server;
let base = '';
let dir = '';
const things: Array<{ id: number; name: string }> = [];
/** The `since` of every poll, in order. */
const asked: number[] = [];

beforeAll(async () => {
  saas = createServer((req, res) => {
    const since = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('since') ?? 0);
    asked.push(since);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(things.filter((t) => t.id > since)));
  });
  await new Promise<void>((resolve) => saas.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(saas.address() as { port: number }).port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'weft-poll-static-'));
  writeTriggerPackage(dir);
});

afterAll(async () => {
  await new Promise<void>((resolve) => saas.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function api(server: TestServer, method: string, url: string, body?: unknown) {
  const res = await fetch(`${server.url}${url}`, {
    method, headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** The items each finished run of the workflow started with, oldest first, once there are `count` runs. */
async function runItems(server: TestServer, workflowId: string, count: number): Promise<unknown[][]> {
  for (let i = 0; i < 100; i++) {
    const list = (await api(server, 'GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`)).body.data as Array<{ id: string; status: string }>;
    if (list.length >= count && list.every((e) => e.status === 'success')) {
      const runs = await Promise.all([...list].reverse().map((e) => api(server, 'GET', `/api/v1/executions/${e.id}?includeData=true`)));
      return runs.map((r) => r.body.data.resultData.runData.Poller[0].data.main[0].map((item: { json: unknown }) => item.json));
    }
    await sleep(100);
  }
  throw new Error(`fewer than ${count} finished runs of ${workflowId}`);
}

describe('a community poller’s static data', () => {
  it('keeps its cursor between polls and across a restart: each thing is delivered once', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-poll-static-data-'));
    try {
      things.push({ id: 1, name: 'one' }, { id: 2, name: 'two' });
      const first = await startTestServer({ NODES_DIR: dir }, dataDir);
      let id = '';
      try {
        const created = await api(first, 'POST', '/api/v1/workflows', {
          name: 'Poll with cursor', settings: { executionOrder: 'v1' }, connections: {},
          nodes: [{
            id: 'p', name: 'Poller', type: `${TRIGGER_PACKAGE}.poller`, typeVersion: 1, position: [0, 0],
            parameters: { base, pollTimes: { item: [{ mode: 'custom', cronExpression: '* * * * * *' }] } },
          }],
        });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        id = created.body.id;
        expect((await api(first, 'POST', `/api/v1/workflows/${id}/activate`)).status).toBe(200);
        expect(await runItems(first, id, 1)).toEqual([[{ id: 1, name: 'one', since: 0 }, { id: 2, name: 'two', since: 0 }]]);
        // Later polls ask from the saved cursor and find nothing new.
        while (asked.length < 3) await sleep(100);
        expect(asked.slice(0, 3)).toEqual([0, 2, 2]);
      } finally {
        await first.close();
      }

      things.push({ id: 3, name: 'three' });
      const second = await startTestServer({ NODES_DIR: dir }, dataDir);
      try {
        const runs = await runItems(second, id, 2);
        expect(runs[1]).toEqual([{ id: 3, name: 'three', since: 2 }]);
        expect(asked).not.toContain(1);
        expect(asked.filter((since) => since === 0)).toHaveLength(1);
        const saves = await second.runtime.events.readStream(staticDataStreamName(id));
        expect(saves.map((e) => e.data)).toEqual([{ staticData: { 'node:Poller': { lastId: 2 } } }, { staticData: { 'node:Poller': { lastId: 3 } } }]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
