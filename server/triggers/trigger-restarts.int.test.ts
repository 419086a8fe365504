// Each event trigger fires on a real event, and again after its server restarts. The real servers
// are shared with other tests, so each trigger's credential points at a restartable proxy in front
// of its server: stopping the proxy drops the trigger's connections and refuses its reconnects for
// a few seconds (longer than any trigger's first retry delay), as a stopped server would. The RSS
// trigger's feed server is a local HTTP server of this file, stopped and started for real.
import { createServer, type Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import amqplib, { type ChannelModel } from 'amqplib';
import { ImapFlow } from 'imapflow';
import { Redis } from 'ioredis';
import mqtt from 'mqtt';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkService } from '../credentials/test-services.ts';
import { startTestServer, type TestServer } from '../test-support.ts';
import { startRestartableProxy, type RestartableProxy } from './restartable-proxy.ts';
import { activeWorkflowCreator, ownerApi, SEEN_NODE } from './trigger-test-support.ts';

const HOST = '127.0.0.1';
const suffix = randomUUID().slice(0, 8);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long a server stays down: above every trigger's first retry delay (0.2 s to 1 s). */
const OUTAGE_MS = 3_000;
/** How long a trigger may take to run again once its server is back. */
const RECOVERY_MS = 30_000;

const services = {
  postgres: await checkService('PostgreSQL', HOST, 5432),
  redis: await checkService('Redis', HOST, 6379),
  rabbitmq: await checkService('RabbitMQ', HOST, 5672),
  mqtt: await checkService('MQTT', HOST, 1883),
  imap: await checkService('Dovecot (IMAP)', HOST, 143),
};

let weft: TestServer;
const proxies: RestartableProxy[] = [];
const api = ownerApi(() => weft);
const createActive = activeWorkflowCreator(api);

beforeAll(async () => {
  // RESTART_TEST_LOG=info shows what each trigger logged while its server was down.
  weft = await startTestServer({ LOG_LEVEL: process.env.RESTART_TEST_LOG ?? 'silent' });
}, 60_000);

afterAll(async () => {
  await weft?.close();
  for (const proxy of proxies) await proxy.close();
});

async function proxyTo(port: number): Promise<RestartableProxy> {
  const proxy = await startRestartableProxy({ host: HOST, port });
  proxies.push(proxy);
  return proxy;
}

async function credential(type: string, data: object): Promise<string> {
  const created = await api('POST', '/api/v1/credentials', { name: `${type} behind a proxy ${suffix}`, type, data });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

/** Trigger → Seen, the trigger using the credential `credentialId` of `credentialType`. */
function workflow(name: string, type: string, typeVersion: number, parameters: object, credentialType?: string, credentialId?: string) {
  const credentials = credentialType ? { [credentialType]: { id: credentialId, name: credentialType } } : undefined;
  return {
    name, settings: { executionOrder: 'v1' },
    nodes: [{ id: 't', name: 'Trigger', type: `n8n-nodes-base.${type}`, typeVersion, position: [0, 0], parameters, ...(credentials ? { credentials } : {}) }, SEEN_NODE],
    connections: { Trigger: { main: [[{ node: 'Seen', type: 'main', index: 0 }]] } },
  };
}

interface Run { status: string; seen: Record<string, unknown>[] }

/** The finished runs of a workflow, oldest first, once there are at least `count` (else undefined). */
async function finishedRuns(workflowId: string, count: number, timeoutMs: number): Promise<Run[] | undefined> {
  for (const started = Date.now(); ; await sleep(100)) {
    await weft.runtime.executions.settle();
    const list = await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`);
    const finished = list.body.data.filter((e: { status: string }) => e.status !== 'running' && e.status !== 'new');
    if (finished.length >= count) {
      const out: Run[] = [];
      for (const e of [...finished].reverse()) {
        const one = await api('GET', `/api/v1/executions/${e.id}?includeData=true`);
        const seen = (one.body.data?.resultData?.runData?.Seen?.[0]?.data?.main?.[0] ?? []).map((item: { json: Record<string, unknown> }) => item.json);
        out.push({ status: one.body.status, seen });
      }
      return out;
    }
    if (Date.now() - started > timeoutMs) return undefined;
  }
}

/** Whether a new connection to the port is refused (the server is down, not just slow). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, HOST);
    socket.once('connect', () => { socket.destroy(); resolve(false); });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

interface Restartable {
  readonly port: number;
  accepted(): number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

interface Scenario {
  workflowId: string;
  server: Restartable;
  /** Makes the event the trigger should fire on, carrying `label`. */
  publish(label: string): Promise<unknown>;
  /** The label of the event an item of the trigger came from. */
  label(item: Record<string, unknown>): unknown;
  /**
   * Whether an event made while the server is down waits for the trigger (a queue, a mailbox, a
   * feed); pub/sub events (NOTIFY, PUBLISH) reach only a subscriber that is back, so they are
   * repeated until one runs.
   */
  kept: boolean;
}

/** Fires once, survives the server's stop and start, and runs again on a new event in time. */
async function firesAgainAfterRestart(s: Scenario): Promise<void> {
  await s.publish('before the restart');
  const first = await finishedRuns(s.workflowId, 1, 20_000);
  expect(first, 'no run before the restart').toBeDefined();
  expect(first![0]).toMatchObject({ status: 'success' });
  expect(s.label(first![0].seen[0])).toBe('before the restart');

  const acceptedBefore = s.server.accepted();
  await s.server.stop();
  expect(await refused(s.server.port)).toBe(true);
  if (s.kept) await s.publish('during the outage');
  await sleep(OUTAGE_MS);
  await s.server.start();

  const back = Date.now();
  let runs: Run[] | undefined;
  if (s.kept) runs = await finishedRuns(s.workflowId, 2, RECOVERY_MS);
  for (let n = 1; !s.kept && !runs && Date.now() - back < RECOVERY_MS; n++) {
    await s.publish(`after the restart ${n}`);
    runs = await finishedRuns(s.workflowId, 2, 500);
  }
  expect(runs, `no run within ${RECOVERY_MS} ms of the server coming back`).toBeDefined();
  expect(runs![1].status).toBe('success');
  expect(String(s.label(runs![1].seen[0]))).toMatch(s.kept ? /^during the outage$/ : /^after the restart \d+$/);
  // The trigger came back through the server's port, with a connection of its own.
  expect(s.server.accepted()).toBeGreaterThan(acceptedBefore);
  expect((await api('POST', `/api/v1/workflows/${s.workflowId}/deactivate`)).status).toBe(200);
}

describe.skipIf(services.postgres.skip)('Postgres Trigger (LISTEN/NOTIFY) across a restart', () => {
  const admin = new pg.Client({ host: HOST, port: 5432, database: 'postgres', user: 'postgres', password: '' });
  beforeAll(async () => {
    if (services.postgres.problem) throw new Error(services.postgres.problem);
    await admin.connect();
  });
  afterAll(() => admin.end().catch(() => {}));

  it('runs on NOTIFY, and again once the server is back', async () => {
    const proxy = await proxyTo(5432);
    const id = await credential('postgres', { host: HOST, port: proxy.port, database: 'postgres', user: 'postgres', password: '', ssl: 'disable' });
    const channel = `weft_restart_${suffix}`;
    const workflowId = await createActive(workflow('PG restart', 'postgresTrigger', 1, { triggerMode: 'listenTrigger', channelName: channel }, 'postgres', id));
    await firesAgainAfterRestart({
      workflowId, server: proxy, kept: false,
      publish: (label) => admin.query('SELECT pg_notify($1, $2)', [channel, label]),
      label: (item) => item.payload,
    });
  }, 90_000);
});

describe.skipIf(services.redis.skip)('Redis Trigger across a restart', () => {
  const redis = new Redis({ host: HOST, port: 6379, lazyConnect: true, retryStrategy: () => null });
  beforeAll(async () => {
    if (services.redis.problem) throw new Error(services.redis.problem);
    redis.on('error', () => {});
    await redis.connect();
  });
  afterAll(() => void redis.disconnect());

  it('runs on PUBLISH, and again once the server is back', async () => {
    const proxy = await proxyTo(6379);
    const id = await credential('redis', { host: HOST, port: proxy.port, database: 0 });
    const channel = `weft-restart-${suffix}`;
    const workflowId = await createActive(workflow('Redis restart', 'redisTrigger', 1, { channels: channel }, 'redis', id));
    await firesAgainAfterRestart({
      workflowId, server: proxy, kept: false,
      publish: (label) => redis.publish(channel, label),
      label: (item) => item.message,
    });
  }, 90_000);
});

describe.skipIf(services.rabbitmq.skip)('RabbitMQ Trigger across a restart', () => {
  const queue = `weft-restart-${suffix}`;
  let rabbit: ChannelModel;
  beforeAll(async () => {
    if (services.rabbitmq.problem) throw new Error(services.rabbitmq.problem);
    rabbit = await amqplib.connect(`amqp://guest:guest@${HOST}:5672`);
  });
  afterAll(async () => {
    const channel = await rabbit?.createChannel();
    await channel?.deleteQueue(queue).catch(() => {});
    await rabbit?.close().catch(() => {});
  });

  it('runs per message, and takes the one sent while it was away once the server is back', async () => {
    const proxy = await proxyTo(5672);
    const id = await credential('rabbitmq', { hostname: HOST, port: proxy.port, username: 'guest', password: 'guest', vhost: '/', ssl: false });
    const workflowId = await createActive(workflow('Rabbit restart', 'rabbitmqTrigger', 1, { queue, options: {} }, 'rabbitmq', id));
    const channel = await rabbit.createConfirmChannel();
    try {
      await firesAgainAfterRestart({
        workflowId, server: proxy, kept: true,
        publish: async (label) => {
          channel.sendToQueue(queue, Buffer.from(label));
          await channel.waitForConfirms();
        },
        label: (item) => item.content,
      });
    } finally {
      await channel.close().catch(() => {});
    }
  }, 90_000);
});

describe.skipIf(services.mqtt.skip)('MQTT Trigger across a restart', () => {
  it('runs per message, and again once the broker is back', async () => {
    if (services.mqtt.problem) throw new Error(services.mqtt.problem);
    const proxy = await proxyTo(1883);
    const id = await credential('mqtt', { protocol: 'mqtt', host: HOST, port: proxy.port, clean: true, clientId: `weft-restart-${suffix}`, ssl: false });
    const topic = `weft/restart/${suffix}`;
    const workflowId = await createActive(workflow('MQTT restart', 'mqttTrigger', 1, { topics: `${topic}:1`, options: {} }, 'mqtt', id));
    const publisher = await mqtt.connectAsync(`mqtt://${HOST}:1883`, { reconnectPeriod: 0 });
    try {
      await firesAgainAfterRestart({
        workflowId, server: proxy, kept: false,
        publish: (label) => publisher.publishAsync(topic, label, { qos: 1 }),
        label: (item) => item.message,
      });
    } finally {
      await publisher.endAsync();
    }
  }, 90_000);
});

/**
 * A server on `port` that answers every connection's first bytes with `answer` and hangs up, as a
 * broker that is up but not ready does; counts its answers.
 */
async function answeringServer(port: number, answer: Buffer) {
  let answered = 0;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('data', () => {
      answered++;
      socket.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, HOST, resolve));
  return {
    answered: () => answered,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(services.mqtt.skip)('MQTT Trigger when the broker, back, first refuses it', () => {
  it('keeps reconnecting after a CONNACK refusal (mqtt.js alone gives up) and runs again', async () => {
    if (services.mqtt.problem) throw new Error(services.mqtt.problem);
    const proxy = await proxyTo(1883);
    const id = await credential('mqtt', { protocol: 'mqtt', host: HOST, port: proxy.port, clean: true, clientId: `weft-refused-${suffix}`, ssl: false });
    const topic = `weft/refused/${suffix}`;
    const workflowId = await createActive(workflow('MQTT refused', 'mqttTrigger', 1, { topics: `${topic}:1`, options: {} }, 'mqtt', id));
    const publisher = await mqtt.connectAsync(`mqtt://${HOST}:1883`, { reconnectPeriod: 0 });
    try {
      await publisher.publishAsync(topic, 'before', { qos: 1 });
      expect((await finishedRuns(workflowId, 1, 20_000))?.[0].seen[0]).toMatchObject({ message: 'before' });

      await proxy.stop();
      // MQTT 3.1.1 CONNACK, return code 3: "Server unavailable".
      const unavailable = await answeringServer(proxy.port, Buffer.from([0x20, 0x02, 0x00, 0x03]));
      for (const started = Date.now(); unavailable.answered() === 0 && Date.now() - started < 10_000; ) await sleep(100);
      expect(unavailable.answered(), 'the trigger did not try to reconnect').toBeGreaterThan(0);
      // Long enough for mqtt.js (1 s between attempts) to have come again, had it not given up.
      await sleep(OUTAGE_MS);
      await unavailable.close();
      await proxy.start();

      let runs: Run[] | undefined;
      for (let n = 1, back = Date.now(); !runs && Date.now() - back < RECOVERY_MS; n++) {
        await publisher.publishAsync(topic, `after ${n}`, { qos: 1 });
        runs = await finishedRuns(workflowId, 2, 500);
      }
      expect(runs, 'no run after the broker accepted again').toBeDefined();
      expect(runs![1].seen[0]).toMatchObject({ message: expect.stringMatching(/^after \d+$/) });
      expect((await api('POST', `/api/v1/workflows/${workflowId}/deactivate`)).status).toBe(200);
    } finally {
      await publisher.endAsync();
    }
  }, 90_000);
});

describe.skipIf(services.imap.skip)('Email Trigger (IMAP) across a restart', () => {
  // User weft (.ci/services/dovecot.sh), not weft-trigger: another test drops all of that user's connections.
  const IMAP = { host: HOST, port: 143, secure: false, user: 'weft', password: 'weft-pass' };
  const mailbox = `weft-restart-${suffix}`;

  async function withImap<T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> {
    const c = new ImapFlow({ host: HOST, port: 143, secure: false, auth: { user: IMAP.user, pass: IMAP.password }, logger: false });
    c.on('error', () => {});
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.logout().catch(() => c.close());
    }
  }

  beforeAll(async () => {
    if (services.imap.problem) throw new Error(services.imap.problem);
    await withImap((c) => c.mailboxCreate(mailbox));
  });
  afterAll(() => withImap((c) => c.mailboxDelete(mailbox)).catch(() => {}));

  it('runs on new mail, and on the mail that came while it was away once the server is back', async () => {
    const proxy = await proxyTo(143);
    const id = await credential('imap', { ...IMAP, port: proxy.port });
    const workflowId = await createActive(workflow('IMAP restart', 'emailReadImap', 2.1, { mailbox, format: 'simple', postProcessAction: 'nothing' }, 'imap', id));
    await firesAgainAfterRestart({
      workflowId, server: proxy, kept: true,
      publish: async (subject) => {
        const message = await new MailComposer({ from: 'ann@weft.test', to: 'weft@weft.test', subject, text: subject }).compile().build();
        await withImap((c) => c.append(mailbox, message));
      },
      label: (item) => item.subject,
    });
  }, 90_000);
});

/** An RSS feed of `titles` (newest first) on a port that stays the same across stop() and start(). */
async function startFeedServer(titles: Array<{ title: string; date: Date }>): Promise<Restartable & { requests(): number }> {
  let accepted = 0;
  let requests = 0;
  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    const next = createServer((_req, res) => {
      requests++;
      res.setHeader('content-type', 'application/rss+xml; charset=utf-8');
      const items = titles.map((t) => `<item><title>${t.title}</title><guid>urn:${encodeURIComponent(t.title)}</guid><pubDate>${t.date.toUTCString()}</pubDate></item>`).join('');
      res.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Restarts</title><link>https://feed.example.test/</link><description>d</description>${items}</channel></rss>`);
    });
    next.on('connection', () => accepted++);
    await new Promise<void>((resolve) => next.listen(port, HOST, resolve));
    server = next;
    port = (next.address() as AddressInfo).port;
  };
  await listen();
  return {
    get port() {
      return port;
    },
    accepted: () => accepted,
    requests: () => requests,
    async stop() {
      const current = server;
      server = undefined;
      current?.closeAllConnections();
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async start() {
      if (!server) await listen();
    },
  };
}

describe('RSS Feed Trigger across a restart of its feed server', () => {
  const entries: Array<{ title: string; date: Date }> = [];
  let feed: Awaited<ReturnType<typeof startFeedServer>>;
  beforeAll(async () => {
    feed = await startFeedServer(entries);
  });
  afterAll(() => feed?.stop());

  it('runs on a new entry, and on the entry added while the feed was down once it is back', async () => {
    const workflowId = await createActive(workflow('RSS restart', 'rssFeedReadTrigger', 1, {
      feedUrl: `http://${HOST}:${feed.port}/rss.xml`, pollTimes: { item: [{ mode: 'custom', cronExpression: '* * * * * *' }] },
    }));
    // The first poll only notes the time; entries are dated after it (feed dates have whole seconds).
    for (const polled = feed.requests(); feed.requests() === polled; ) await sleep(100);
    let posted = Date.now() + 2_000;
    await firesAgainAfterRestart({
      workflowId, server: feed, kept: true,
      publish: async (title) => void entries.unshift({ title, date: new Date((posted += 2_000)) }),
      label: (item) => item.title,
    });
  }, 90_000);
});
