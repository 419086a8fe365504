// `weft check` as CI runs it: a child process against a running server, its exit code, its summary
// and its JUnit report, with the draft unchanged, changed after the POST node, and changed before it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Parser } from 'xml2js';
import { PROJECT_ROOT } from '../project-root.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { checkedWorkflow } from './check-testing.ts';

let server: TestServer;
let service: Server;
let serviceUrl = '';
const received: string[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'weft-check-cli-'));

const api = (p: string, init: RequestInit = {}) =>
  fetch(`${server.url}${p}`, { ...init, headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' } });

/** Runs `weft check …` as a child process (async: the server answering it lives in this process). */
function weftCheck(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'weft.js'), 'check', ...args], {
    cwd: PROJECT_ROOT, env: { ...process.env, WEFT_URL: server.url, WEFT_API_KEY: TEST_OWNER.apiKey, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const junit = async (file: string): Promise<any> => new Parser().parseStringPromise(readFileSync(file, 'utf8'));
const workflow = (tag: string, answer: string) => checkedWorkflow({ name: 'CI checked', hookPath: 'ci-check-hook', serviceUrl, tag, answer });
const put = async (id: string, body: object) => expect((await api(`/api/v1/workflows/${id}`, { method: 'PUT', body: JSON.stringify(body) })).status).toBe(200);

let workflowId = '';
const runIds: string[] = [];

beforeAll(async () => {
  service = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(`${req.method} ${req.url}`);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ stored: JSON.parse(body || '{}').tag ?? null }));
    });
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
  server = await startTestServer();

  const created = await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(workflow('={{ $json.body.n }}', '=stored {{ $json.stored }}')) });
  workflowId = ((await created.json()) as { id: string }).id;
  expect((await api(`/api/v1/workflows/${workflowId}/activate`, { method: 'POST' })).status).toBe(200);
  for (const n of ['1', '2']) {
    const res = await fetch(`${server.url}/webhook/ci-check-hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) });
    expect(await res.json()).toEqual({ answer: `stored ${n}` });
  }
  expect(received).toEqual(['POST /orders', 'POST /orders']);
  received.length = 0;
  const list = (await (await api(`/api/v1/executions?workflowId=${workflowId}`)).json()) as { data: { id: string }[] };
  runIds.push(...list.data.map((e) => e.id));
}, 60_000);

afterAll(async () => {
  await server.close();
  await new Promise((resolve) => service.close(resolve));
});

describe('weft check', () => {
  it('exits 0 on a clean check by name and writes one passing suite per run', async () => {
    const file = path.join(dir, 'clean.xml');
    const out = await weftCheck(['CI checked', '--runs', '5', '--junit', file]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(`Checked the draft of 'CI checked' (${workflowId}`);
    expect(out.stdout).toContain('against 2 production runs');
    expect(out.stdout).toMatch(/run \S+: same, 4 nodes the same/);
    expect(out.stdout).toContain('CLEAN: 2 same, 0 changed, 0 new error, 0 stopped, 0 not checked');
    const doc = await junit(file);
    expect(doc.testsuites.$).toMatchObject({ tests: '8', failures: '0', skipped: '0' });
    expect(doc.testsuites.testsuite.map((s: any) => s.testcase.map((c: any) => c.$.name).sort())).toEqual([
      ['Answer', 'Post it', 'Tag', 'Webhook'], ['Answer', 'Post it', 'Tag', 'Webhook'],
    ]);
  }, 60_000);

  it('reports a changed last node as a JUnit failure, yet the check stays clean (exit 0)', async () => {
    await put(workflowId, workflow('={{ $json.body.n }}', '=kept {{ $json.stored }}'));
    const file = path.join(dir, 'changed.xml');
    const out = await weftCheck([workflowId, '--executions', runIds[0], '--junit', file, '--api-key', TEST_OWNER.apiKey], { WEFT_API_KEY: '' });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(`run ${runIds[0]}: changed, 3 nodes the same`);
    expect(out.stdout).toContain('    Answer: changed');
    const suite = (await junit(file)).testsuites.testsuite;
    expect(suite).toHaveLength(1);
    expect(suite[0].$).toMatchObject({ name: `CI checked: run ${runIds[0]}`, tests: '4', failures: '1' });
    const answer = suite[0].testcase.find((c: any) => c.$.name === 'Answer');
    expect(answer.failure[0].$.message).toBe(`changed compared with run ${runIds[0]}`);
  }, 60_000);

  it('exits 1 when the check stops at a node with outside effects, reported as skipped with the reason', async () => {
    await put(workflowId, workflow('=order {{ $json.body.n }}', '=kept {{ $json.stored }}'));
    const file = path.join(dir, 'stopped.xml');
    const out = await weftCheck([workflowId, '--junit', file]);
    expect(out.code, out.stderr).toBe(1);
    expect(out.stdout).toContain('    Post it: stopped (Not called during a check: it reaches outside Weft and its input changed)');
    expect(out.stdout).toContain('NOT CLEAN: 0 same, 0 changed, 0 new error, 2 stopped');
    const doc = await junit(file);
    expect(doc.testsuites.$).toMatchObject({ skipped: '2' });
    const postIt = doc.testsuites.testsuite[0].testcase.find((c: any) => c.$.name === 'Post it');
    expect(postIt.skipped[0].$.message).toBe('Not called during a check: it reaches outside Weft and its input changed');
    expect(doc.testsuites.testsuite[0].testcase.find((c: any) => c.$.name === 'Tag').failure).toBeDefined();
    expect(received).toEqual([]);
  }, 60_000);

  it('exits 2 on usage and connection errors, saying what was wrong', async () => {
    // A port nothing listens on: one just freed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const [both, unknown, unreachable, badKey] = await Promise.all([
      weftCheck([workflowId, '--runs', '2', '--executions', 'x']),
      weftCheck(['no such workflow']),
      weftCheck([workflowId], { WEFT_URL: `http://127.0.0.1:${freePort}` }),
      weftCheck([workflowId, '--api-key', 'wk_wrong']),
    ]);
    expect([both, unknown, unreachable, badKey].map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(both.stderr).toContain('Give --runs or --executions, not both');
    expect(unknown.stderr).toContain("No workflow has the id or name 'no such workflow'");
    expect(unreachable.stderr).toContain(`Cannot reach http://127.0.0.1:${freePort}: ECONNREFUSED`);
    expect(badKey.stderr).toMatch(/^401 from/);
  }, 60_000);
});
