// /metrics on a real runtime: counters after real requests and runs, the token, the gauges.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { startRuntime } from '../runtime.ts';
import { sampleWorkflow, startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';
import { serveMetrics } from './index.ts';

const TOKEN = 'metrics-token-0123456789';

interface Sample { name: string; labels: Record<string, string>; value: number }

/** Parses Prometheus' text exposition format (the lines that are samples). */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

let rt: TestRuntime;
let api: ReturnType<typeof request.agent>;
const scrape = async () => {
  const res = await request(rt.app.koa.callback()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return parseMetrics(res.text);
};

beforeAll(async () => {
  rt = await startTestRuntime({ METRICS_TOKEN: TOKEN, EXECUTIONS_THREAD: 'false' });
  api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
});
afterAll(() => rt.dispose());

describe('/metrics', () => {
  it('asks for the token', async () => {
    const app = rt.app.koa.callback();
    for (const auth of [undefined, 'Bearer wrong-token-0123456789', TOKEN]) {
      const req = request(app).get('/metrics');
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('Bearer') });
    }
  });

  it('counts requests by route pattern and status, runs by status and mode, with durations', async () => {
    const created = await api.post('/api/v1/workflows').send(sampleWorkflow('Metrics'));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (let i = 0; i < 3; i++) expect((await api.get(`/api/v1/workflows/${id}`)).status).toBe(200);
    expect((await api.get('/api/v1/workflows/does-not-exist')).status).toBe(404);
    for (let i = 0; i < 2; i++) {
      const run = await api.post(`/api/v1/workflows/${id}/run?wait=true`).send({});
      expect(run.status, JSON.stringify(run.body)).toBe(201);
      expect(run.body).toMatchObject({ status: 'success' });
    }
    expect((await request(rt.app.koa.callback()).post('/webhook/no-such-path').send({})).status).toBe(404);

    // Runs are counted from the log: wait for both to be followed.
    let samples = await scrape();
    for (let i = 0; i < 50 && (find(samples, 'weft_runs_total', { status: 'success', mode: 'manual' })[0]?.value ?? 0) < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      samples = await scrape();
    }
    expect(find(samples, 'weft_http_requests_total', { method: 'GET', route: '/api/v1/workflows/:id', status: '200' })[0]?.value).toBe(3);
    expect(find(samples, 'weft_http_requests_total', { method: 'GET', route: '/api/v1/workflows/:id', status: '404' })[0]?.value).toBe(1);
    expect(find(samples, 'weft_http_requests_total', { method: 'POST', route: '/api/v1/workflows', status: '201' })[0]?.value).toBe(1);
    expect(find(samples, 'weft_http_requests_total', { method: 'POST', route: '/webhook/*', status: '404' })[0]?.value).toBe(1);
    // Never a raw path as a label.
    expect(samples.filter((s) => s.labels.route?.includes(id))).toEqual([]);
    expect(find(samples, 'weft_http_request_duration_seconds_count', { route: '/api/v1/workflows/:id', status: '200' })[0]?.value).toBe(3);

    expect(find(samples, 'weft_runs_total', { status: 'success', mode: 'manual' })[0]?.value).toBe(2);
    expect(find(samples, 'weft_run_duration_seconds_count', { status: 'success', mode: 'manual' })[0]?.value).toBe(2);
    expect(find(samples, 'weft_queue_wait_seconds_count', { mode: 'manual' })[0]?.value).toBe(2);
    // Two nodes per run.
    expect(find(samples, 'weft_step_duration_seconds_count', { status: 'success' })[0]?.value).toBe(4);
    expect(find(samples, 'weft_event_store_append_duration_seconds_count')[0]?.value).toBeGreaterThan(0);
  });

  it('reports projection lag, queue depth, rooms and sockets as numbers, and the process metrics', async () => {
    const samples = await scrape();
    const lag = find(samples, 'weft_projection_lag_events');
    expect(lag.map((s) => s.labels.projection)).toEqual(expect.arrayContaining(['workflows', 'audit', 'executions']));
    for (const s of lag) expect(Number.isFinite(s.value) && s.value >= 0).toBe(true);
    expect(find(samples, 'weft_queue_jobs', { state: 'waiting' })[0]?.value).toBe(0);
    expect(find(samples, 'weft_collab_rooms')[0]?.value).toBe(0);
    expect(find(samples, 'weft_collab_sockets')[0]?.value).toBe(0);
    expect(find(samples, 'weft_live_sockets')[0]?.value).toBe(0);
    expect(find(samples, 'process_cpu_user_seconds_total')).toHaveLength(1);
    expect(find(samples, 'nodejs_heap_size_used_bytes')).toHaveLength(1);
  });
});

describe('/metrics when off', () => {
  it('is not there without METRICS_ENABLED or METRICS_TOKEN', async () => {
    const off = await startTestRuntime({ EXECUTIONS_THREAD: 'false' });
    try {
      const res = await request(off.app.koa.callback()).get('/metrics');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'not_found', message: expect.stringContaining('METRICS_ENABLED') });
      expect(off.metrics).toBeUndefined();
    } finally {
      await off.dispose();
    }
  });
});

describe('a worker\'s metrics (METRICS_PORT)', () => {
  it('serves process, queue and append metrics behind the token, and only /metrics', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weft-worker-metrics-'));
    const config = loadConfig({
      LOG_LEVEL: 'silent', DATA_DIR: dir, METRICS_TOKEN: TOKEN, METRICS_PORT: '0',
      OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password,
    });
    const worker = await startRuntime(config, createLogger(config), { role: 'worker' });
    const server = await serveMetrics(worker.metrics!, { port: 0, host: '127.0.0.1', token: config.metricsToken });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const denied = await fetch(`${url}/metrics`);
      expect(denied.status).toBe(401);
      expect(await denied.json()).toMatchObject({ code: 'unauthenticated' });
      const other = await fetch(`${url}/api/v1/workflows`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(other.status).toBe(404);
      const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      const samples = parseMetrics(await res.text());
      expect(find(samples, 'process_resident_memory_bytes')).toHaveLength(1);
      expect(find(samples, 'weft_queue_jobs', { state: 'waiting' })[0]?.value).toBe(0);
      // Creating the owner appended events in this process.
      expect(find(samples, 'weft_event_store_append_duration_seconds_count')[0]?.value).toBeGreaterThan(0);
    } finally {
      server.close();
      await worker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
