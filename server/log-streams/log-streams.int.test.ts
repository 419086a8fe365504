// Log streaming on a real runtime: the owner's REST API, a webhook receiver and syslog listeners
// on local sockets, failures with backoff, and a restart that neither loses nor repeats entries.
import { createHmac } from 'node:crypto';
import dgram from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkflow, startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const SECRET = 'log-stream-secret-0123456789';
const ENV = { LOG_STREAM_POLL_MS: '30', EXECUTIONS_THREAD: 'false' };

interface Received { headers: http.IncomingHttpHeaders; raw: string; body: { id: string; position: number; type: string; stream: string } }

let dir: string;
let rt: TestRuntime;
let owner: ReturnType<typeof request.agent>;
let failWith = 0;
const hooks: Received[] = [];
const udp: string[] = [];
const tcp: string[] = [];
let hookServer: http.Server;
let udpSocket: dgram.Socket;
let tcpServer: net.Server;

async function start() {
  rt = await startTestRuntime(ENV, dir);
  owner = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
}

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function createWorkflow(name: string): Promise<string> {
  const res = await owner.post('/api/v1/workflows').send(sampleWorkflow(name));
  expect(res.status).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'weft-log-streams-'));
  hookServer = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (failWith) {
        res.writeHead(failWith).end();
        return;
      }
      hooks.push({ headers: req.headers, raw, body: JSON.parse(raw) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
  udpSocket = dgram.createSocket('udp4');
  udpSocket.on('message', (m) => udp.push(m.toString('utf8')));
  await new Promise<void>((r) => udpSocket.bind(0, '127.0.0.1', r));
  // RFC 6587 octet counting: "<length> <message>" back to back.
  tcpServer = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const space = buffer.indexOf(0x20);
        if (space < 0) return;
        const length = Number(buffer.subarray(0, space).toString());
        if (buffer.length < space + 1 + length) return;
        tcp.push(buffer.subarray(space + 1, space + 1 + length).toString('utf8'));
        buffer = buffer.subarray(space + 1 + length);
      }
    });
  });
  await new Promise<void>((r) => tcpServer.listen(0, '127.0.0.1', r));
  await start();
});

afterAll(async () => {
  await rt?.dispose();
  hookServer.close();
  udpSocket.close();
  tcpServer.close();
  rmSync(dir, { recursive: true, force: true });
});

const hookUrl = () => `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/audit`;

describe('log streams API', () => {
  it('validates destinations and answers 4xx with what was wrong', async () => {
    const bad: [object, string][] = [
      [{}, 'body.kind'],
      [{ kind: 'kafka', name: 'x' }, 'body.kind'],
      [{ kind: 'webhook', name: 'w', url: hookUrl(), secret: 'short' }, 'body.secret'],
      [{ kind: 'webhook', name: 'w', url: 'ftp://example.com/x', secret: SECRET }, 'body.url'],
      [{ kind: 'syslog', name: 's', host: '127.0.0.1', port: 70000 }, 'body.port'],
      [{ kind: 'syslog', name: 's', host: '127.0.0.1', protocol: 'sctp' }, 'body.protocol'],
      [{ kind: 'syslog', name: 's', host: '127.0.0.1', extra: true }, 'body'],
    ];
    for (const [body, where] of bad) {
      const res = await owner.post('/api/v1/log-streams').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.details.map((d: { path: string }) => d.path).join(' '), JSON.stringify(res.body)).toContain(where);
    }
    expect((await owner.get('/api/v1/log-streams/not-a-uuid')).status).toBe(400);
    const missing = await owner.get('/api/v1/log-streams/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');

    const created = await owner.post('/api/v1/log-streams').send({ kind: 'syslog', name: 'kept off', host: '127.0.0.1', enabled: false });
    expect(created.status).toBe(201);
    const kind = await owner.patch(`/api/v1/log-streams/${created.body.id}`).send({ kind: 'webhook' });
    expect(kind.status).toBe(400);
    const port = await owner.patch(`/api/v1/log-streams/${created.body.id}`).send({ port: 0 });
    expect(port.status).toBe(400);
    expect((await owner.delete(`/api/v1/log-streams/${created.body.id}`)).status).toBe(204);
    expect((await owner.delete(`/api/v1/log-streams/${created.body.id}`)).status).toBe(404);
  });

  it('is the owner’s only', async () => {
    const inv = await owner.post('/api/v1/invitations').send({ email: 'admin@example.com', role: 'admin' });
    expect(inv.status).toBe(201);
    const password = 'admin-password-123';
    const accepted = await request(rt.app.koa.callback()).post('/api/v1/invitations/accept').send({ token: inv.body.token, name: 'Admin', password });
    expect(accepted.status).toBe(200);
    const admin = request.agent(rt.app.koa.callback());
    expect((await admin.post('/api/v1/auth/signin').send({ email: 'admin@example.com', password })).status).toBe(200);
    expect((await admin.get('/api/v1/log-streams')).status).toBe(403);
    const res = await admin.post('/api/v1/log-streams').send({ kind: 'syslog', name: 's', host: '127.0.0.1' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    expect((await request(rt.app.koa.callback()).get('/api/v1/log-streams')).status).toBe(401);
  });
});

describe('delivery', () => {
  it('POSTs each audit entry to a webhook, signed with the secret', async () => {
    const created = await owner.post('/api/v1/log-streams').send({ kind: 'webhook', name: 'hook', url: hookUrl(), secret: SECRET, headers: { 'X-Team': 'ops' } });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('secret');
    expect(created.body).toMatchObject({ secretSet: true, delivered: 0 });
    const ids = [await createWorkflow('Streamed 1'), await createWorkflow('Streamed 2')];
    await until('both workflows delivered', () => ids.every((id) => hooks.some((h) => h.body.stream === `workflow-${id}`)));
    for (const hook of hooks) {
      const expected = createHmac('sha256', SECRET).update(`${hook.headers['x-weft-timestamp']}.${hook.raw}`).digest('hex');
      expect(hook.headers['x-weft-signature']).toBe(`sha256=${expected}`);
      expect(hook.headers['x-weft-event-id']).toBe(hook.body.id);
      expect(hook.headers['x-team']).toBe('ops');
      expect(hook.headers['content-type']).toBe('application/json');
    }
    const positions = hooks.map((h) => h.body.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);
    expect(hooks.find((h) => h.body.stream === `workflow-${ids[0]}`)?.body.type).toBe('WorkflowCreated');
    const state = await owner.get(`/api/v1/log-streams/${created.body.id}`);
    expect(state.body.delivered).toBe(hooks.length);
    expect(state.body.checkpoint).toBe(positions.at(-1));
    expect((await owner.delete(`/api/v1/log-streams/${created.body.id}`)).status).toBe(204);
  });

  it('sends RFC 5424 lines to syslog over UDP and TCP', async () => {
    const port = (s: { address(): unknown }) => (s.address() as AddressInfo).port;
    const a = await owner.post('/api/v1/log-streams').send({ kind: 'syslog', name: 'udp', host: '127.0.0.1', port: port(udpSocket) });
    const b = await owner.post('/api/v1/log-streams').send({ kind: 'syslog', name: 'tcp', host: '127.0.0.1', port: port(tcpServer), protocol: 'tcp', facility: 4, appName: 'weft-test' });
    expect([a.status, b.status]).toEqual([201, 201]);
    const id = await createWorkflow('Syslogged');
    const line = (messages: string[]) => messages.find((m) => m.includes(`stream="workflow-${id}"`));
    const u = await until('the UDP line', () => line(udp));
    const t = await until('the TCP line', () => line(tcp));
    const rfc5424 = /^<(\d{1,3})>1 (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)) ([!-~]{1,255}) ([!-~]{1,48}) ([!-~]{1,128}) ([!-~]{1,32}) (\[weft@32473(?: [^ =\]"]{1,32}="(?:[^"\\\]]|\\["\\\]])*")+\]) (.*)$/s;
    const pu = rfc5424.exec(u);
    expect(pu, u).not.toBeNull();
    expect(pu![1]).toBe(String(16 * 8 + 6)); // local0.info
    expect(pu![4]).toBe('weft');
    expect(pu![6]).toBe('WorkflowCreated');
    expect(pu![7]).toContain('actorKind="apiKey"');
    expect(pu![7]).toContain('workspaceId="default"');
    expect(JSON.parse(pu![8]!)).toMatchObject({ stream: `workflow-${id}`, type: 'WorkflowCreated' });
    const pt = rfc5424.exec(t);
    expect(pt, t).not.toBeNull();
    expect(pt![1]).toBe(String(4 * 8 + 6));
    expect(pt![4]).toBe('weft-test');
    for (const d of [a, b]) expect((await owner.delete(`/api/v1/log-streams/${d.body.id}`)).status).toBe(204);
  });

  it('retries a failing destination with backoff, records the failures, and loses or repeats nothing across a restart', async () => {
    hooks.length = 0;
    failWith = 503;
    const created = await owner.post('/api/v1/log-streams').send({ kind: 'webhook', name: 'flaky', url: hookUrl(), secret: SECRET });
    const id = created.body.id as string;
    const first = await createWorkflow('During the outage');
    const failing = await until('failures recorded', async () => {
      const s = await owner.get(`/api/v1/log-streams/${id}`);
      return s.body.failures >= 2 && s.body;
    });
    expect(failing.lastError).toContain('503');
    expect(failing.delivered).toBe(0);
    expect(Date.parse(failing.retryAt)).toBeGreaterThan(Date.parse(failing.lastErrorAt));
    failWith = 0;
    await until('the entry after the outage', () => hooks.some((h) => h.body.stream === `workflow-${first}`));

    // Entries recorded while the destination is off wait for it, across a restart.
    expect((await owner.patch(`/api/v1/log-streams/${id}`).send({ enabled: false })).status).toBe(200);
    const second = await createWorkflow('While off');
    await rt.dispose();
    await start();
    expect((await owner.patch(`/api/v1/log-streams/${id}`).send({ enabled: true })).status).toBe(200);
    await until('the entry recorded while off', () => hooks.some((h) => h.body.stream === `workflow-${second}`));
    const third = await createWorkflow('After the restart');
    await until('the entry after the restart', () => hooks.some((h) => h.body.stream === `workflow-${third}`));
    const ids = hooks.map((h) => h.body.id);
    expect(new Set(ids).size).toBe(ids.length);
    const positions = hooks.map((h) => h.body.position);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    const state = (await owner.get(`/api/v1/log-streams/${id}`)).body;
    expect(state).toMatchObject({ delivered: hooks.length, enabled: true });
    expect(state.failures).toBeGreaterThanOrEqual(2);
  });
});
