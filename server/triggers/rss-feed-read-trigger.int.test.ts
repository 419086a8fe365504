// The RSS Feed Trigger armed in a real server, polling a local feed every second: entries that were
// there before activation are not delivered, each later entry starts one run, once, also after a
// restart on the same data folder (the cursor is in the node's static data).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

interface FeedEntry {
  title: string;
  link: string;
  date: Date;
  body: string;
}

/** An RSS 2.0 feed of `entries`, as they are at each request, counting requests. */
async function startFeedServer(entries: FeedEntry[]) {
  let count = 0;
  const server = createServer((_req, res) => {
    count++;
    res.setHeader('content-type', 'application/rss+xml; charset=utf-8');
    const items = entries.map((e) => `<item><title>${e.title}</title><link>${e.link}</link><guid>${e.link}</guid><pubDate>${e.date.toUTCString()}</pubDate><description>${e.body}</description></item>`).join('');
    res.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Weft test blog</title><link>https://blog.example.test/</link><description>Posts</description>${items}</channel></rss>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, requests: () => count, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const entries: FeedEntry[] = [
  { title: 'Old post', link: 'https://blog.example.test/old', date: new Date('2024-01-01T00:00:00Z'), body: 'old' },
];
let feeds: Awaited<ReturnType<typeof startFeedServer>>;
let dataDir = '';
beforeAll(async () => {
  feeds = await startFeedServer(entries);
  dataDir = mkdtempSync(path.join(tmpdir(), 'weft-rss-trigger-'));
});
afterAll(async () => {
  await feeds.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function api(server: TestServer, method: string, url: string, body?: unknown) {
  const res = await fetch(`${server.url}${url}`, { method, headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** The titles each finished run started with, oldest run first, once there are `count` runs. */
async function runTitles(server: TestServer, workflowId: string, count: number): Promise<string[][]> {
  for (let i = 0; i < 150; i++) {
    const list = (await api(server, 'GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`)).body.data as Array<{ id: string; status: string }>;
    if (list.length >= count && list.every((e) => e.status === 'success')) {
      const runs = await Promise.all([...list].reverse().map((e) => api(server, 'GET', `/api/v1/executions/${e.id}?includeData=true`)));
      return runs.map((r) => r.body.data.resultData.runData['RSS Feed Trigger'][0].data.main[0].map((item: { json: { title: string } }) => item.json.title));
    }
    await sleep(100);
  }
  throw new Error(`fewer than ${count} finished runs of ${workflowId}`);
}

// Feed dates have whole seconds: each new post two seconds after the last, so none shares a date.
let posted = Date.now();
const post = (title: string): FeedEntry => ({ title, link: `https://blog.example.test/${title}`, date: new Date((posted += 2000)), body: title });

describe('rssFeedReadTrigger in a running server', () => {
  it('delivers each new entry once, not the old ones, and keeps its cursor across a restart', async () => {
    let server = await startTestServer({}, dataDir);
    let id = '';
    try {
      const created = await api(server, 'POST', '/api/v1/workflows', {
        name: 'RSS poll', settings: { executionOrder: 'v1' }, connections: {},
        nodes: [{ id: 'r', name: 'RSS Feed Trigger', type: 'n8n-nodes-base.rssFeedReadTrigger', typeVersion: 1, position: [0, 0], parameters: { feedUrl: `${feeds.url}/rss.xml`, pollTimes: { item: [{ mode: 'custom', cronExpression: '* * * * * *' }] } } }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      id = created.body.id;
      expect((await api(server, 'POST', `/api/v1/workflows/${id}/activate`)).status).toBe(200);
      const before = feeds.requests();
      while (feeds.requests() < before + 2) await sleep(100);
      expect((await api(server, 'GET', `/api/v1/executions?workflowId=${id}`)).body.data).toEqual([]);
      entries.unshift(post('Fresh one'));
      expect(await runTitles(server, id, 1)).toEqual([['Fresh one']]);
      entries.unshift(post('Fresh two'));
      expect(await runTitles(server, id, 2)).toEqual([['Fresh one'], ['Fresh two']]);
    } finally {
      await server.close();
    }
    entries.unshift(post('After restart'));
    server = await startTestServer({}, dataDir);
    try {
      expect(await runTitles(server, id, 3)).toEqual([['Fresh one'], ['Fresh two'], ['After restart']]);
      const polled = feeds.requests();
      while (feeds.requests() < polled + 2) await sleep(100);
      expect(await runTitles(server, id, 3)).toHaveLength(3);
    } finally {
      await server.close();
    }
  }, 60_000);
});
