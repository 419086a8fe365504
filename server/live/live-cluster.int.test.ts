// Two servers sharing one event log and one Redis: a socket on server A watches a run that server
// B executes, gets each step once, and joins during the run without gap or duplicate although A's
// feed lags behind B's writes; the Redis adapter makes room queries span both servers.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../domain/index.ts';
import { checkService } from '../credentials/test-services.ts';
import { createHttpServer } from '../http-server.ts';
import { startTestRuntime, type TestRuntime } from '../test-support.ts';
import type { LiveGateway } from './live-gateway.ts';
import { chainWorkflow, connect, createWorkflow, key, record, runWorkflow, slowWorkflow, watch, type LiveClient } from './live-test-helpers.ts';

const redis = await checkService('Redis', '127.0.0.1', 6379);
/** This suite's own queue and live channel on the shared Redis. */
const prefix = `weft-live-cluster-${randomUUID()}`;

interface Node { url: string; runtime: TestRuntime; live: LiveGateway; close(): Promise<void> }

/** A listening server on a shared data folder; its live gateway is reached through its channels. */
async function startNode(dataDir: string): Promise<Node> {
  const runtime = await startTestRuntime({ REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: prefix }, dataDir);
  const listener = createHttpServer(runtime);
  await new Promise<void>((resolve) => listener.server.listen(0, '127.0.0.1', resolve));
  const { port } = listener.server.address() as { port: number };
  const live = listener.channels.find((c): c is LiveGateway => 'watchers' in c);
  if (!live) throw new Error('no live gateway attached');
  return {
    url: `http://127.0.0.1:${port}`, runtime, live,
    async close() {
      await listener.closeChannels();
      listener.server.closeAllConnections();
      await new Promise<void>((resolve) => listener.server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}

describe.skipIf(redis.skip)('live runs across two servers (Redis adapter, shared event log)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'weft-live-cluster-'));
  let a: Node;
  let b: Node;
  const clients: LiveClient[] = [];
  const open = async (node: Node) => {
    const client = await connect(node.url);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    if (redis.problem) throw new Error(redis.problem);
    a = await startNode(dir);
    b = await startNode(dir);
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const finished = (executionId: string) => (m: LiveMessage) => m.executionId === executionId && m.type === 'run.finished';

  it('shows a client on server A the run server B executes, each step once', async () => {
    const workflowId = await createWorkflow(b.url, slowWorkflow('Across servers', 0.3));
    const onA = await open(a);
    const onB = await open(b);
    const inboxA = record(onA);
    const inboxB = record(onB);
    // A learns of the workflow B created from the shared log (its read model follows it).
    await expect.poll(async () => (await watch(onA, `workflow:${workflowId}`)).ok, { timeout: 5_000 }).toBe(true);
    expect(await watch(onB, `workflow:${workflowId}`)).toMatchObject({ ok: true });
    expect(await a.live.watchers(`workflow:${workflowId}`)).toBe(2);
    expect(await b.live.watchers(`workflow:${workflowId}`)).toBe(2);

    const executionId = await runWorkflow(b.url, workflowId);
    await inboxA.until(finished(executionId));
    await inboxB.until(finished(executionId));
    const run = (inbox: typeof inboxA) => inbox.messages.filter((m) => m.executionId === executionId);
    expect(run(inboxA).map((m) => m.revision)).toEqual(run(inboxA).map((_, i) => i));
    expect(run(inboxA).map(key)).toEqual(run(inboxB).map(key));
    const stream = await b.runtime.events.readStream(`execution-${executionId}`);
    expect(run(inboxA).map((m) => m.position)).toEqual(stream.map((e) => e.position));
  });

  it('joins sockets on A at any moment of a busy run on B without gap or duplicate', async () => {
    const workflowId = await createWorkflow(b.url, chainWorkflow(60));
    const sockets = await Promise.all(Array.from({ length: 10 }, () => open(a)));
    const executionId = await runWorkflow(b.url, workflowId);
    const inboxes = sockets.map((socket, i) => {
      const inbox = record(socket);
      setTimeout(() => void watch(socket, `execution:${executionId}`).then((ack) => {
        if (!ack.ok) throw new Error(ack.error.message);
      }), i * 25);
      return inbox;
    });
    for (const inbox of inboxes) await inbox.until(finished(executionId));
    const stream = await b.runtime.events.readStream(`execution-${executionId}`);
    for (const inbox of inboxes) expect(inbox.messages.map((m) => m.revision)).toEqual(stream.map((e) => e.revision));
  });
});
