// Notifications on a real server: failing runs told through a real local SMTP server and stand-ins
// for Slack, Teams, Discord and a signed webhook (bodies asserted as their public docs shape them),
// the rate limit's digest, trigger failures in a row, a switched-off workflow, the bell over
// Socket.IO, input validation and workspace isolation.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

const SECRET = 'notification-hook-secret-0123';
interface Hit { path: string; headers: http.IncomingHttpHeaders; raw: string; body: Record<string, any> }
interface Mail { from: string; to: string[]; raw: string }

let server: TestServer;
let standIn: http.Server;
let smtp: SMTPServer;
let smtpPort = 0;
const hits: Hit[] = [];
const mails: Mail[] = [];

/** As the owner: with the API key, or with a session cookie (which may pick a workspace). */
async function api(path: string, init: { method?: string; body?: unknown; workspace?: string; cookie?: string } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : { 'x-api-key': TEST_OWNER.apiKey }),
      ...(init.workspace ? { 'x-workspace-id': init.workspace } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const failing = (name: string) => ({
  name,
  nodes: [
    { id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: 'n2', name: 'Check', type: 'n8n-nodes-base.stopAndError', typeVersion: 1, position: [200, 0], parameters: { errorMessage: 'stock is empty' } },
  ],
  connections: { Start: { main: [[{ node: 'Check', type: 'main', index: 0 }]] } },
  settings: { executionOrder: 'v1' },
});

const failingHook = (name: string, path: string) => ({
  name,
  nodes: [
    { id: 'h1', name: 'Hook', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: `hook-${path}`, position: [0, 0], parameters: { path, httpMethod: 'POST' } },
    { id: 'h2', name: 'Check', type: 'n8n-nodes-base.stopAndError', typeVersion: 1, position: [200, 0], parameters: { errorMessage: 'hook broke' } },
  ],
  connections: { Hook: { main: [[{ node: 'Check', type: 'main', index: 0 }]] } },
  settings: { executionOrder: 'v1' },
});

async function createWorkflow(definition: object): Promise<string> {
  const res = await api('/api/v1/workflows', { method: 'POST', body: definition });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function runAndFail(workflowId: string): Promise<string> {
  const res = await api(`/api/v1/workflows/${workflowId}/run?wait=true`, { method: 'POST', body: {} });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.status).toBe('error');
  return res.body.id;
}

async function channel(name: string, kind: string, config: object): Promise<string> {
  const res = await api('/api/v1/notifications/channels', { method: 'POST', body: { name, kind, config } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function rule(body: object): Promise<string> {
  const res = await api('/api/v1/notifications/rules', { method: 'POST', body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const deliveries = async (ruleId: string) => (await api(`/api/v1/notifications/rules/${ruleId}/deliveries`)).body.data as Array<Record<string, any>>;
const hookUrl = (path: string) => `http://127.0.0.1:${(standIn.address() as AddressInfo).port}${path}`;

beforeAll(async () => {
  standIn = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (req.url === '/down') return void res.writeHead(503).end('service unavailable');
      hits.push({ path: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) });
      // Slack answers "ok"; Discord answers 204 No Content without ?wait=true.
      if (req.url === '/slack') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      else if (req.url === '/discord') res.writeHead(204).end();
      else res.writeHead(200).end('1');
    });
  });
  await new Promise<void>((r) => standIn.listen(0, '127.0.0.1', r));
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'alerts' && auth.password === 'smtp-pass-123') return callback(null, { user: 'alerts' });
      callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c) => (raw += c));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({ EXECUTIONS_THREAD: 'false' });
});

afterAll(async () => {
  await server?.close();
  standIn.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

describe('notifications API', () => {
  it('answers bad input with a 4xx saying what was wrong, and never shows a secret', async () => {
    const bad: Array<[string, object, string]> = [
      ['/api/v1/notifications/channels', { name: 'x', kind: 'pager' }, 'kind'],
      ['/api/v1/notifications/channels', { name: 'x', kind: 'slack', config: { url: 'ftp://x.example/a' } }, 'body.config.url'],
      ['/api/v1/notifications/channels', { name: 'x', kind: 'webhook', config: { url: hookUrl('/hook'), secret: 'short' } }, 'body.config.secret'],
      ['/api/v1/notifications/channels', { name: 'x', kind: 'email', config: { host: 'h', from: 'not-mail', to: ['a@b.example'] } }, 'body.config.from'],
      ['/api/v1/notifications/rules', { name: 'r', on: ['runExploded'], channelIds: ['00000000-0000-4000-8000-000000000000'] }, 'on'],
      ['/api/v1/notifications/rules', { name: 'r', on: ['runFailed'], channelIds: [] }, 'channelIds'],
      ['/api/v1/notifications/rules', { name: 'r', on: ['runFailed'], channelIds: ['00000000-0000-4000-8000-000000000000'] }, 'body.channelIds.0'],
    ];
    for (const [path, body, where] of bad) {
      const res = await api(path, { method: 'POST', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.details), JSON.stringify(res.body)).toContain(where);
    }
    const slack = await channel('Slack', 'slack', { url: hookUrl('/slack') });
    const slow = await api('/api/v1/notifications/rules', { method: 'POST', body: { name: 'slow', on: ['runSlow'], channelIds: [slack] } });
    expect(slow.status).toBe(400);
    expect(slow.body.details[0].path).toBe('slowAfterSeconds');
    const hook = await api('/api/v1/notifications/channels', { method: 'POST', body: { name: 'Signed', kind: 'webhook', config: { url: hookUrl('/hook'), secret: SECRET } } });
    expect(JSON.stringify(hook.body)).not.toContain(SECRET);
    expect(JSON.stringify(hook.body)).not.toContain('/hook');
    expect(hook.body).toMatchObject({ kind: 'webhook', summary: expect.stringContaining('127.0.0.1') });
    const listed = await api('/api/v1/notifications/channels');
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
    expect((await api(`/api/v1/notifications/channels/${hook.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/api/v1/notifications/channels/${hook.body.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await api('/api/v1/notifications/rules/not-a-uuid')).status).toBe(400);
  });

  it('keeps each workspace to itself', async () => {
    const signIn = await fetch(`${server.url}/api/v1/auth/signin`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: TEST_OWNER.email, password: TEST_OWNER.password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const other = await api('/api/v1/workspaces', { method: 'POST', body: { name: 'Other team' }, cookie });
    expect(other.status).toBe(201);
    const slack = await channel('Team Slack', 'slack', { url: hookUrl('/slack') });
    const id = await rule({ name: 'Mine', on: ['runFailed'], channelIds: [slack], enabled: false });
    const elsewhere = other.body.id as string;
    expect((await api(`/api/v1/notifications/rules/${id}`, { workspace: 'default', cookie })).status).toBe(200);
    expect((await api(`/api/v1/notifications/rules/${id}`, { workspace: elsewhere, cookie })).status).toBe(404);
    expect((await api(`/api/v1/notifications/rules/${id}/deliveries`, { workspace: elsewhere, cookie })).status).toBe(404);
    expect((await api(`/api/v1/notifications/channels/${slack}/test`, { method: 'POST', workspace: elsewhere, cookie })).status).toBe(404);
    expect((await api('/api/v1/notifications/rules', { workspace: elsewhere, cookie })).body.data).toEqual([]);
    // A rule may not name another workspace's channel.
    const borrowed = await api('/api/v1/notifications/rules', { method: 'POST', workspace: elsewhere, cookie, body: { name: 'x', on: ['runFailed'], channelIds: [slack] } });
    expect(borrowed.status).toBe(400);
    expect((await api(`/api/v1/notifications/rules/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/api/v1/notifications/rules/${id}`)).status).toBe(404);
  });

  it('test-sends through a channel and records a failure with its error', async () => {
    const down = await channel('Down', 'discord', { url: hookUrl('/down') });
    const res = await api(`/api/v1/notifications/channels/${down}/test`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'failed', channelKind: 'discord' });
    expect(res.body.error).toContain('503');
  });
});

describe('a failing run', () => {
  it('is told through email, Slack, Teams, Discord and a signed webhook, each delivery recorded', async () => {
    const workflowId = await createWorkflow(failing('Nightly stock sync'));
    const channels = [
      await channel('Ops mail', 'email', { host: '127.0.0.1', port: smtpPort, user: 'alerts', password: 'smtp-pass-123', from: 'weft@example.com', to: ['ops@example.com'] }),
      await channel('Slack', 'slack', { url: hookUrl('/slack') }),
      await channel('Teams', 'teams', { url: hookUrl('/teams') }),
      await channel('Discord', 'discord', { url: hookUrl('/discord') }),
      await channel('Signed hook', 'webhook', { url: hookUrl('/hook'), secret: SECRET }),
    ];
    const ruleId = await rule({ name: 'Stock sync failures', workflowId, on: ['runFailed'], channelIds: channels, windowSeconds: 0 });
    hits.length = 0;
    const executionId = await runAndFail(workflowId);
    const title = "Workflow 'Nightly stock sync' failed";

    const mail = await until('the email', () => mails.find((m) => m.raw.includes('Nightly stock sync')));
    expect(mail.from).toBe('weft@example.com');
    expect(mail.to).toEqual(['ops@example.com']);
    expect(mail.raw).toMatch(/^Subject: Workflow 'Nightly stock sync' failed/m);
    expect(mail.raw).toContain('stock is empty');

    const slack = await until('Slack', () => hits.find((h) => h.path === '/slack'));
    expect(slack.headers['content-type']).toBe('application/json');
    expect(slack.body.text).toBe(title);
    expect(slack.body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: title } });
    expect(slack.body.blocks[1].type).toBe('section');
    expect(slack.body.blocks[1].text.type).toBe('mrkdwn');
    expect(slack.body.blocks[1].text.text).toContain('Error: stock is empty');
    expect(slack.body.blocks[1].text.text).toContain(`/executions/${executionId}|Open in Weft>`);

    const teams = await until('Teams', () => hits.find((h) => h.path === '/teams'));
    expect(teams.body.type).toBe('message');
    expect(teams.body.attachments).toHaveLength(1);
    const card = teams.body.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.contentUrl).toBeNull();
    expect(card.content).toMatchObject({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.2' });
    expect(card.content.body[0]).toMatchObject({ type: 'TextBlock', text: title, weight: 'Bolder', color: 'attention' });
    expect(card.content.actions[0]).toMatchObject({ type: 'Action.OpenUrl', url: expect.stringContaining(executionId) });

    const discord = await until('Discord', () => hits.find((h) => h.path === '/discord'));
    expect(discord.body.content).toBe(title);
    expect(discord.body.allowed_mentions).toEqual({ parse: [] });
    expect(discord.body.embeds[0]).toMatchObject({ title, color: 0xd92d20, url: expect.stringContaining(executionId) });
    expect(discord.body.embeds[0].description).toContain('stock is empty');

    const hook = await until('the signed webhook', () => hits.find((h) => h.path === '/hook'));
    const timestamp = String(hook.headers['x-weft-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${hook.raw}`).digest('hex');
    expect(hook.headers['x-weft-signature']).toBe(`sha256=${expected}`);
    expect(hook.body).toMatchObject({ type: 'notification', ruleId, title, level: 'error', id: hook.headers['x-weft-event-id'] });
    expect(hook.body.notices[0]).toMatchObject({ trigger: 'runFailed', workflowId, executionId, error: 'stock is empty', workflowName: 'Nightly stock sync' });

    const recorded = await until('five deliveries', async () => {
      const list = await deliveries(ruleId);
      return list.length === 5 && list;
    });
    expect(recorded.map((d) => d.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(new Set(recorded.map((d) => d.channelKind))).toEqual(new Set(['email', 'slack', 'teams', 'discord', 'webhook']));
  });

  it('sends at most one message per window; the rest arrive as one digest when it ends', async () => {
    const workflowId = await createWorkflow(failing('Flaky import'));
    const slack = await channel('Digest Slack', 'slack', { url: hookUrl('/slack') });
    const ruleId = await rule({ name: 'Flaky', workflowId, on: ['runFailed'], channelIds: [slack], windowSeconds: 2 });
    hits.length = 0;
    for (let i = 0; i < 3; i++) await runAndFail(workflowId);
    const suppressed = await until('two held back', async () => {
      const list = await deliveries(ruleId);
      return list.filter((d) => d.status === 'suppressed').length === 2 && list;
    });
    expect(suppressed.filter((d) => d.status === 'sent')).toHaveLength(1);
    expect(hits.filter((h) => h.path === '/slack')).toHaveLength(1);
    const digest = await until('the digest', () => hits.find((h) => h.path === '/slack' && String(h.body.text).startsWith('Digest')), 8_000);
    expect(digest.body.text).toBe("Digest: 2 more notifications for workflow 'Flaky import'");
    expect(digest.body.blocks[1].text.text.match(/Workflow 'Flaky import' failed/g)).toHaveLength(2);
    const after = await deliveries(ruleId);
    expect(after.filter((d) => d.digest && d.status === 'sent')).toHaveLength(1);
    expect(hits.filter((h) => h.path === '/slack')).toHaveLength(2);
  });
});

describe('workflow state', () => {
  it('tells a trigger failing N times in a row, and a workflow switched off with who did it', async () => {
    const workflowId = await createWorkflow(failingHook('Order intake', 'order-intake'));
    const discord = await channel('Intake Discord', 'discord', { url: hookUrl('/discord') });
    const ruleId = await rule({ name: 'Intake', workflowId, on: ['triggerFailing', 'workflowDeactivated'], failuresInRow: 2, channelIds: [discord], windowSeconds: 0 });
    expect((await api(`/api/v1/workflows/${workflowId}/activate`, { method: 'POST' })).status).toBe(200);
    hits.length = 0;
    for (let i = 0; i < 2; i++) expect((await fetch(`${server.url}/webhook/order-intake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    const streak = await until('the streak', () => hits.find((h) => h.path === '/discord'));
    expect(streak.body.content).toBe("Workflow 'Order intake' failed 2 times in a row");
    expect((await deliveries(ruleId)).filter((d) => d.status === 'sent')).toHaveLength(1);

    expect((await api(`/api/v1/workflows/${workflowId}/deactivate`, { method: 'POST' })).status).toBe(200);
    const off = await until('switched off', () => hits.find((h) => h.path === '/discord' && h.body.content.includes('switched off')));
    expect(off.body.content).toBe("Workflow 'Order intake' was switched off");
    expect(off.body.embeds[0].description).toContain('By Owner');
  });
});

describe('the bell', () => {
  it('gets the unread count and each new in-app notification over Socket.IO, and marks them read', async () => {
    const workflowId = await createWorkflow(failing('Bell ringer'));
    const inApp = await channel('Bell', 'inApp', {});
    await rule({ name: 'Ring', workflowId, on: ['runFailed'], channelIds: [inApp], windowSeconds: 0 });
    const before = (await api('/api/v1/notifications/in-app')).body.unread as number;

    const socket: Socket = io(`${server.url}/notifications`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { apiKey: TEST_OWNER.apiKey } });
    const received: Array<Record<string, any>> = [];
    let unread = -1;
    socket.on('unread', (m: { count: number }) => { unread = m.count; });
    socket.on('notification', (item: Record<string, any>) => received.push(item));
    try {
      await until('connected with a count', () => unread === before);
      await runAndFail(workflowId);
      const item = await until('the live notification', () => received.find((r) => r.title === "Workflow 'Bell ringer' failed"));
      expect(item).toMatchObject({ level: 'error', workspaceId: 'default' });
      const listed = await api('/api/v1/notifications/in-app');
      expect(listed.body.unread).toBe(before + 1);
      expect(listed.body.data[0]).toMatchObject({ id: item.id, read: false });
      const marked = await api('/api/v1/notifications/in-app/read', { method: 'POST', body: { ids: [item.id] } });
      expect(marked.body.unread).toBe(before);
      expect((await api('/api/v1/notifications/in-app/read', { method: 'POST', body: {} })).status).toBe(400);
      expect((await api('/api/v1/notifications/in-app/read', { method: 'POST', body: { all: true } })).body.unread).toBe(0);
    } finally {
      socket.close();
    }
    const refused = io(`${server.url}/notifications`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { apiKey: 'wk_not_a_key' } });
    const outcome = await new Promise<string>((resolve) => {
      refused.once('connect', () => resolve('connected'));
      refused.once('connect_error', (e) => resolve(`refused: ${e.message}`));
    }).finally(() => refused.close());
    expect(outcome).toMatch(/^refused/);
  });
});
