// The README's "Write a node" examples, taken from the README itself, as a NODES_DIR package: the
// programmatic one runs per item (and fails clearly), the declarative one sends its request to a
// local stand-in for the quotes API and returns what its rootProperty names.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const PACKAGE = 'n8n-nodes-readme-examples';
const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const example = (file: string) => {
  const block = readme.split('```js\n').map((b) => b.split('```')[0]).find((b) => b.startsWith(`// ${file}`));
  if (!block) throw new Error(`README has no example for ${file}`);
  return block;
};

const nodesDir = mkdtempSync(path.join(tmpdir(), 'weft-nodes-dir-'));
const requests: string[] = [];
const quotesApi = http.createServer((req, res) => {
  requests.push(`${req.method} ${req.url} ${req.headers.accept}`);
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ quotes: [{ text: 'Simplicity is prerequisite for reliability.', author: 'Dijkstra' }, { text: 'Premature optimization…', author: 'Knuth' }], total: 2 }));
});
let rt: TestRuntime;

beforeAll(async () => {
  await new Promise<void>((resolve) => quotesApi.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(quotesApi.address() as AddressInfo).port}/v1`;
  const folder = path.join(nodesDir, PACKAGE);
  for (const [file, code] of [['dist/nodes/Shout/Shout.node.js', example('dist/nodes/Shout/Shout.node.js')], ['dist/nodes/Quotes/Quotes.node.js', example('dist/nodes/Quotes/Quotes.node.js').replace('https://quotes.example.com/v1', base)]]) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), code);
  }
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify({
    name: PACKAGE, version: '0.1.0', n8n: { n8nNodesApiVersion: 1, nodes: ['dist/nodes/Shout/Shout.node.js', 'dist/nodes/Quotes/Quotes.node.js'] },
  }));
  rt = await startTestRuntime({ NODES_DIR: nodesDir });
});
afterAll(async () => {
  await rt.dispose();
  quotesApi.close();
  rmSync(nodesDir, { recursive: true, force: true });
});

async function run(node: Record<string, unknown>, items: unknown[]) {
  const api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
  const created = await api.post('/api/v1/workflows').send({
    name: `README ${String(node.type)}`,
    nodes: [
      { id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'b', name: 'Node', typeVersion: 1, position: [200, 0], ...node },
    ],
    connections: { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
    pinData: { Start: items },
  });
  expect(created.status, created.text).toBe(201);
  return (await api.post(`/api/v1/workflows/${created.body.id}/run`).query({ wait: 'true' }).send({})).body;
}

it('lists the NODES_DIR package as local, with both nodes', async () => {
  const list = (await request(rt.app.koa.callback()).get('/api/v1/community-packages').set('X-API-KEY', TEST_OWNER.apiKey)).body;
  expect(list).toMatchObject([{ packageName: PACKAGE, source: 'local', installedNodes: [{ type: `${PACKAGE}.shout` }, { type: `${PACKAGE}.quotes` }] }]);
});

it('runs the programmatic example per item, and its NodeOperationError names the item', async () => {
  const ok = await run({ type: `${PACKAGE}.shout`, parameters: { field: 'text' } }, [{ json: { text: 'hello' } }, { json: { text: 'there' } }]);
  expect(ok.status).toBe('success');
  expect(ok.data.resultData.runData.Node[0].data.main[0].map((i: { json: { text: string } }) => i.json.text)).toEqual(['HELLO', 'THERE']);
  const failed = await run({ type: `${PACKAGE}.shout`, parameters: { field: 'missing' } }, [{ json: { text: 'hello' } }]);
  expect(failed.status).toBe('error');
  expect(failed.data.resultData.error.message).toContain("No text in 'missing'");
});

it('runs the declarative example: its query, its headers, and the items under rootProperty', async () => {
  const result = await run({ type: `${PACKAGE}.quotes`, parameters: { author: 'Dijkstra', operation: 'list' } }, [{ json: {} }]);
  expect(result.status, JSON.stringify(result.data?.resultData?.error)).toBe('success');
  expect(requests).toEqual(['GET /v1/quotes?author=Dijkstra application/json']);
  expect(result.data.resultData.runData.Node[0].data.main[0].map((i: { json: unknown }) => i.json)).toEqual([
    { text: 'Simplicity is prerequisite for reliability.', author: 'Dijkstra' }, { text: 'Premature optimization…', author: 'Knuth' },
  ]);
});
