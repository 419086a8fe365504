// The Redis, RabbitMQ and MQTT triggers in active workflows on a real test server and the real
// brokers: a run per published message with n8n's item shapes, again after the broker drops the
// trigger's connection (CLIENT KILL, rabbitmqctl close_connection, an MQTT client taking over the
// client ID), RabbitMQ's acknowledge modes, and manual runs that wait for the first message.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import amqplib, { type Channel, type ChannelModel } from 'amqplib';
import { Redis } from 'ioredis';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support.ts';
import { ownerApi, activeWorkflowCreator, SEEN_NODE } from './trigger-test-support.ts';

const run = promisify(execFile);
const suffix = Math.random().toString(36).slice(2, 8);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const REDIS = { host: '127.0.0.1', port: 6379, database: 0 };
const RABBIT = { hostname: '127.0.0.1', port: 5672, username: 'guest', password: 'guest', vhost: '/', ssl: false };
const MQTT = { protocol: 'mqtt', host: '127.0.0.1', port: 1883, clean: true, clientId: `weft-trigger-${suffix}`, ssl: false };

let weft: TestServer;
let redis: Redis | undefined;
let rabbit: ChannelModel | undefined;
let rabbitChannel: Channel;
let mqttUp = false;
const credentialIds: Record<string, string> = {};
const queues: string[] = [];

/** Whether a broker answers; under CI a missing one fails the suite instead of skipping. */
async function reachable(name: string, connect: () => Promise<unknown>): Promise<boolean> {
  try {
    await connect();
    return true;
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    console.warn(`Skipping ${name} trigger tests: no server (${(error as Error).message})`);
    return false;
  }
}

const api = ownerApi(() => weft);

beforeAll(async () => {
  const r = new Redis({ ...REDIS, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  r.on('error', () => {});
  if (await reachable('Redis', () => r.connect())) redis = r;
  if (await reachable('RabbitMQ', async () => (rabbit = await amqplib.connect('amqp://guest:guest@127.0.0.1:5672')))) {
    rabbitChannel = await rabbit!.createChannel();
  }
  mqttUp = await reachable('MQTT', async () => (await mqtt.connectAsync('mqtt://127.0.0.1:1883', { reconnectPeriod: 0, connectTimeout: 3_000 })).endAsync());
  weft = await startTestServer();
  for (const [type, data] of Object.entries({ redis: REDIS, rabbitmq: RABBIT, mqtt: MQTT })) {
    const created = await api('POST', '/api/v1/credentials', { name: `Local ${type}`, type, data });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    credentialIds[type] = created.body.id;
  }
}, 60_000);

afterAll(async () => {
  await weft?.close();
  redis?.disconnect();
  for (const queue of queues) await rabbitChannel?.deleteQueue(queue).catch(() => {});
  await rabbit?.close().catch(() => {});
});


/** Trigger → (Code node that fails on a first delivery →) Seen. */
function workflow(name: string, type: string, credential: string, parameters: Record<string, unknown>, failFirstDelivery = false) {
  const trigger = { id: 't', name: 'Trigger', type: `n8n-nodes-base.${type}`, typeVersion: 1, position: [0, 0], parameters, credentials: { [credential]: { id: credentialIds[credential], name: `Local ${credential}` } } };
  if (!failFirstDelivery) return { name, settings: { executionOrder: 'v1' }, nodes: [trigger, SEEN_NODE], connections: { Trigger: { main: [[{ node: 'Seen', type: 'main', index: 0 }]] } } };
  const code = {
    id: 'c', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [100, 0],
    parameters: { jsCode: "if (!$input.first().json.fields.redelivered) throw new Error('first delivery fails');\nreturn $input.all();" },
  };
  return {
    name, settings: { executionOrder: 'v1' }, nodes: [trigger, code, SEEN_NODE],
    connections: { Trigger: { main: [[{ node: 'Code', type: 'main', index: 0 }]] }, Code: { main: [[{ node: 'Seen', type: 'main', index: 0 }]] } },
  };
}

const createActive = activeWorkflowCreator(api);

interface Run { status: string; seen: Record<string, unknown>[]; error?: string }

/** The finished runs of a workflow, oldest first, once there are at least `count`. */
async function finishedRuns(workflowId: string, count: number, timeoutMs = 15_000): Promise<Run[]> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(100)) {
    await weft.runtime.executions.settle();
    const list = await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`);
    const finished = list.body.data.filter((e: { status: string }) => e.status !== 'running' && e.status !== 'new');
    if (finished.length < count) continue;
    const out: Run[] = [];
    for (const e of [...finished].reverse()) {
      const one = await api('GET', `/api/v1/executions/${e.id}?includeData=true`);
      const seen = (one.body.data?.resultData?.runData?.Seen?.[0]?.data?.main?.[0] ?? []).map((item: { json: Record<string, unknown> }) => item.json);
      out.push({ status: one.body.status, seen, error: one.body.data?.resultData?.error?.message });
    }
    return out;
  }
  throw new Error(`fewer than ${count} finished runs of ${workflowId}`);
}

/** Repeats `publish` until the workflow has `count` finished runs (a resubscription takes a moment). */
async function publishUntilRun(workflowId: string, count: number, publish: () => Promise<unknown>): Promise<Run[]> {
  for (let attempt = 0; attempt < 40; attempt++) {
    await publish();
    const runs = await finishedRuns(workflowId, count, 500).catch(() => undefined);
    if (runs) return runs;
  }
  throw new Error(`no run of ${workflowId} after publishing`);
}

describe('Redis Trigger', () => {
  /** The ids of the trigger's named connections that have a pattern subscription. */
  async function subscribers(workflowId: string): Promise<string[]> {
    const list = String(await redis!.client('LIST'));
    return list.split('\n').filter((l) => l.includes(`name=weft-trigger:${workflowId}:`) && / psub=[1-9]/.test(l)).map((l) => /\bid=(\d+)/.exec(l)![1]);
  }

  it('runs per published message ({channel, message}), again after CLIENT KILL drops its connection', async (test) => {
    if (!redis) return test.skip();
    const channel = `weft-redis-${suffix}`;
    const id = await createActive(workflow('Redis', 'redisTrigger', 'redis', { channels: `${channel}, weft-other-${suffix}:*` }));
    expect(await redis.publish(channel, 'hello')).toBe(1);
    const [first] = await finishedRuns(id, 1);
    expect(first).toMatchObject({ status: 'success', seen: [{ channel, message: 'hello', seen: true }] });
    // A `*` pattern matches the way PSUBSCRIBE does.
    expect(await redis.publish(`weft-other-${suffix}:x`, '{"n":1}')).toBe(1);
    expect((await finishedRuns(id, 2))[1].seen).toEqual([{ channel: `weft-other-${suffix}:x`, message: '{"n":1}', seen: true }]);

    const [before] = await subscribers(id);
    expect(before).toBeDefined();
    await redis.client('KILL', 'ID', before);
    for (let i = 0; i < 100 && !(await subscribers(id)).some((c) => c !== before); i++) await sleep(100);
    expect(await subscribers(id)).not.toContain(before);
    expect(await redis.publish(channel, 'after the kill')).toBe(1);
    expect((await finishedRuns(id, 3))[2]).toMatchObject({ status: 'success', seen: [{ channel, message: 'after the kill' }] });

    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    expect(await subscribers(id)).toEqual([]);
    expect(await redis.publish(channel, 'nobody listens')).toBe(0);
  }, 30_000);

  it('with jsonParseBody and onlyMessage outputs the parsed message alone; a manual run waits for the first message', async (test) => {
    if (!redis) return test.skip();
    const channel = `weft-redis-manual-${suffix}`;
    const created = await api('POST', '/api/v1/workflows', workflow('Redis manual', 'redisTrigger', 'redis', { channels: channel, options: { jsonParseBody: true, onlyMessage: true } }));
    const manual = api('POST', `/api/v1/workflows/${created.body.id}/run?wait=true`, {});
    // PUBLISH answers how many subscribers got it: repeat until the manual run listens.
    for (let i = 0; i < 100 && (await redis.publish(channel, '{"manual":true}')) === 0; i++) await sleep(100);
    const done = await manual;
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.data.resultData.runData.Seen[0].data.main[0].map((i: { json: unknown }) => i.json)).toEqual([{ message: { manual: true }, seen: true }]);
    // The manual run's connection is closed once it has its message.
    expect(await redis.publish(channel, 'late')).toBe(0);
  }, 30_000);
});

describe('RabbitMQ Trigger', () => {
  async function newQueue(name: string): Promise<string> {
    const queue = `weft-${name}-${suffix}`;
    queues.push(queue);
    await rabbitChannel.assertQueue(queue, { durable: true });
    return queue;
  }

  const send = (queue: string, text: string, options: amqplib.Options.Publish = {}) => rabbitChannel.sendToQueue(queue, Buffer.from(text), options);

  /** rabbitmqctl's pid of the connection whose client-provided name is `provided`, if any. */
  async function brokerConnection(provided: string): Promise<string | undefined> {
    const { stdout } = await run('rabbitmqctl', ['-q', '--no-table-headers', 'list_connections', 'pid', 'client_properties'], { timeout: 30_000 });
    return stdout.split('\n').find((line) => line.includes(`{"connection_name","${provided}"}`))?.split('\t')[0];
  }

  /** Consumers on the queue (0 when it does not exist); on its own channel, which a 404 closes. */
  async function consumersOf(queue: string): Promise<number> {
    const channel = await rabbit!.createChannel();
    channel.on('error', () => {});
    try {
      return (await channel.checkQueue(queue)).consumerCount;
    } catch {
      return 0;
    } finally {
      await channel.close().catch(() => {});
    }
  }

  it('runs per message with n8n\'s {fields, properties, content}, again after rabbitmqctl closes its connection', async (test) => {
    if (!rabbit) return test.skip();
    const queue = await newQueue('trigger');
    const id = await createActive(workflow('Rabbit', 'rabbitmqTrigger', 'rabbitmq', { queue, options: {} }));
    send(queue, 'hello rabbit', { contentType: 'text/plain', headers: { source: 'test' } });
    const [first] = await finishedRuns(id, 1);
    expect(first.status).toBe('success');
    expect(first.seen).toHaveLength(1);
    expect(first.seen[0]).toMatchObject({
      fields: { deliveryTag: 1, redelivered: false, exchange: '', routingKey: queue },
      properties: { contentType: 'text/plain', headers: { source: 'test' } },
      content: 'hello rabbit', seen: true,
    });
    expect(typeof (first.seen[0].fields as { consumerTag: unknown }).consumerTag).toBe('string');

    let closer: string | undefined;
    let rabbitmqctl = true;
    try {
      closer = await brokerConnection(`weft ${id} Trigger`);
    } catch (error) {
      if (process.env.CI === 'true') throw error;
      rabbitmqctl = false;
      console.warn(`Skipping the RabbitMQ reconnect check: rabbitmqctl does not work here (${(error as Error).message})`);
    }
    if (rabbitmqctl) {
      expect(closer).toMatch(/^<rabbit@/);
      await run('rabbitmqctl', ['close_connection', closer!, 'weft test: reconnect'], { timeout: 30_000 });
      let again: string | undefined;
      for (let i = 0; i < 50 && (again === undefined || again === closer); i++) {
        await sleep(200);
        again = await brokerConnection(`weft ${id} Trigger`);
      }
      expect(again).toBeDefined();
      expect(again).not.toBe(closer);
      send(queue, 'after the close');
      expect((await finishedRuns(id, 2))[1]).toMatchObject({ status: 'success', seen: [{ content: 'after the close' }] });
    }
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    expect(await consumersOf(queue)).toBe(0);
  }, 60_000);

  it('declares its queue again and goes on consuming when the queue is deleted under it', async (test) => {
    if (!rabbit) return test.skip();
    const queue = await newQueue('deleted');
    const id = await createActive(workflow('Rabbit deleted', 'rabbitmqTrigger', 'rabbitmq', { queue, options: {} }));
    send(queue, 'before');
    await finishedRuns(id, 1);
    await rabbitChannel.deleteQueue(queue);
    let consumers = 0;
    for (let i = 0; i < 50 && consumers === 0; i++) {
      await sleep(200);
      consumers = await consumersOf(queue);
    }
    expect(consumers).toBe(1);
    send(queue, 'after');
    expect((await finishedRuns(id, 2))[1].seen).toMatchObject([{ content: 'after' }]);
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
  }, 30_000);

  it('executionFinishesSuccessfully: a failed run puts the message back, its redelivery runs and is acked', async (test) => {
    if (!rabbit) return test.skip();
    const queue = await newQueue('ack-success');
    const id = await createActive(workflow('Rabbit ack', 'rabbitmqTrigger', 'rabbitmq', { queue, options: { acknowledge: 'executionFinishesSuccessfully', jsonParseBody: true } }, true));
    send(queue, '{"order":7}');
    const runs = await finishedRuns(id, 2);
    expect(runs.map((r) => r.status)).toEqual(['error', 'success']);
    expect(runs[0].error).toContain('first delivery fails');
    expect(runs[1].seen).toMatchObject([{ fields: { redelivered: true }, content: { order: 7 } }]);
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    // Acked: nothing is left once the trigger's connection is gone (unacked messages would return).
    expect(await rabbitChannel.get(queue, { noAck: true })).toBe(false);
    expect(await finishedRuns(id, 2)).toHaveLength(2);
  }, 30_000);

  it('immediately: the message is acked on receipt, so a failed run is not retried', async (test) => {
    if (!rabbit) return test.skip();
    const queue = await newQueue('ack-now');
    const id = await createActive(workflow('Rabbit now', 'rabbitmqTrigger', 'rabbitmq', { queue, options: { acknowledge: 'immediately' } }, true));
    send(queue, 'once');
    expect((await finishedRuns(id, 1)).map((r) => r.status)).toEqual(['error']);
    await sleep(500);
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    expect(await rabbitChannel.get(queue, { noAck: true })).toBe(false);
    expect(await finishedRuns(id, 1)).toHaveLength(1);
  }, 30_000);

  it('a manual run waits for the first message, takes only that one, and acks it', async (test) => {
    if (!rabbit) return test.skip();
    const queue = await newQueue('manual');
    const created = await api('POST', '/api/v1/workflows', workflow('Rabbit manual', 'rabbitmqTrigger', 'rabbitmq', { queue, options: { onlyContent: true, jsonParseBody: true } }));
    const manual = api('POST', `/api/v1/workflows/${created.body.id}/run?wait=true`, {});
    await sleep(500);
    send(queue, '{"first":1}');
    const done = await manual;
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.data.resultData.runData.Seen[0].data.main[0].map((i: { json: unknown }) => i.json)).toEqual([{ first: 1, seen: true }]);
    send(queue, '{"second":2}');
    await sleep(200);
    const left = await rabbitChannel.get(queue, { noAck: true });
    expect(left && left.content.toString()).toBe('{"second":2}');
    expect(await rabbitChannel.get(queue, { noAck: true })).toBe(false);
  }, 30_000);
});

describe('MQTT Trigger', () => {
  it('runs per message ({message, topic}), again after another client takes over its client ID', async (test) => {
    if (!mqttUp) return test.skip();
    const topic = `weft/${suffix}/events`;
    const id = await createActive(workflow('MQTT', 'mqttTrigger', 'mqtt', { topics: `${topic}:1,weft/${suffix}/other/+`, options: {} }));
    const publisher = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { reconnectPeriod: 0 });
    try {
      await publisher.publishAsync(topic, 'hello mqtt', { qos: 1 });
      const [first] = await finishedRuns(id, 1);
      expect(first).toMatchObject({ status: 'success', seen: [{ message: 'hello mqtt', topic, seen: true }] });
      await publisher.publishAsync(`weft/${suffix}/other/x`, '{"n":2}');
      expect((await finishedRuns(id, 2))[1].seen).toEqual([{ message: '{"n":2}', topic: `weft/${suffix}/other/x`, seen: true }]);

      // The broker drops a client when another connects with its ID; the trigger reconnects (taking
      // the ID back) and subscribes again.
      const usurper = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { clientId: MQTT.clientId, reconnectPeriod: 0 });
      const kickedBack = new Promise<void>((resolve) => usurper.once('close', () => resolve()));
      await Promise.race([kickedBack, sleep(10_000)]);
      usurper.end(true);
      let n = 0;
      const runs = await publishUntilRun(id, 3, () => publisher.publishAsync(topic, `after the takeover ${++n}`, { qos: 1 }));
      expect(runs[2]).toMatchObject({ status: 'success', seen: [{ message: expect.stringMatching(/^after the takeover \d+$/), topic }] });
      expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    } finally {
      await publisher.endAsync();
    }
  }, 60_000);

  it('with jsonParseBody and onlyMessage outputs the parsed object; a manual run waits for the first message', async (test) => {
    if (!mqttUp) return test.skip();
    const topic = `weft/${suffix}/manual`;
    const created = await api('POST', '/api/v1/workflows', workflow('MQTT manual', 'mqttTrigger', 'mqtt', { topics: topic, options: { jsonParseBody: true, onlyMessage: true } }));
    const manual = api('POST', `/api/v1/workflows/${created.body.id}/run?wait=true`, {});
    const publisher = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { reconnectPeriod: 0 });
    let settled = false;
    void manual.finally(() => (settled = true));
    try {
      // Published until the manual run has subscribed and taken one.
      for (let i = 0; i < 50 && !settled; i++) {
        await publisher.publishAsync(topic, '{"manual":true}');
        await sleep(200);
      }
    } finally {
      await publisher.endAsync();
    }
    const done = await manual;
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.data.resultData.runData.Seen[0].data.main[0].map((i: { json: unknown }) => i.json)).toEqual([{ manual: true, seen: true }]);
  }, 30_000);
});
