// The Postgres Trigger in active workflows on a real test server and the real PostgreSQL: a run per
// NOTIFY ('listenTrigger') and per inserted row ('createTrigger'), again after the listening
// connection is killed with pg_terminate_backend, and the function/trigger dropped on deactivation.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support.ts';
import { ownerApi, activeWorkflowCreator, SEEN_NODE } from './trigger-test-support.ts';

const CREDENTIAL = { host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres', password: '', ssl: 'disable' };
const suffix = Math.random().toString(36).slice(2, 8);
const table = `weft_trig_${suffix}`;
const admin = new pg.Client({ ...CREDENTIAL, ssl: false });
let available = true;
let weft: TestServer;
let credentialId = '';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const api = ownerApi(() => weft);

beforeAll(async () => {
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    available = false;
    console.warn(`Skipping Postgres Trigger tests: no server at 127.0.0.1:5432 (${(error as Error).message})`);
    return;
  }
  await admin.query(`CREATE TABLE ${table} (id integer PRIMARY KEY, name text)`);
  weft = await startTestServer();
  const credential = await api('POST', '/api/v1/credentials', { name: 'Local Postgres', type: 'postgres', data: CREDENTIAL });
  expect(credential.status, JSON.stringify(credential.body)).toBe(201);
  credentialId = credential.body.id;
}, 60_000);

afterAll(async () => {
  await weft?.close();
  if (available) await admin.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
  await admin.end().catch(() => {});
});

function workflow(name: string, parameters: Record<string, unknown>) {
  return {
    name,
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: `pgt-${suffix}`, name: 'Trigger', type: 'n8n-nodes-base.postgresTrigger', typeVersion: 1, position: [0, 0], parameters, credentials: { postgres: { id: credentialId, name: 'Local Postgres' } } },
      SEEN_NODE,
    ],
    connections: { Trigger: { main: [[{ node: 'Seen', type: 'main', index: 0 }]] } },
  };
}

const createActive = activeWorkflowCreator(api);

/** The items the Set node saw, one list per run, oldest first; waits until `count` runs finished. */
async function seenRuns(workflowId: string, count: number): Promise<Array<Record<string, unknown>[]>> {
  for (let i = 0; i < 100; i++) {
    await weft.runtime.executions.settle();
    const list = await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`);
    const finished = list.body.data.filter((e: { status: string }) => e.status !== 'running' && e.status !== 'new');
    if (finished.length >= count) {
      const out = [];
      for (const e of [...finished].reverse()) {
        const one = await api('GET', `/api/v1/executions/${e.id}?includeData=true`);
        out.push((one.body.data?.resultData?.runData?.Seen?.[0]?.data?.main?.[0] ?? []).map((item: { json: Record<string, unknown> }) => item.json));
      }
      return out;
    }
    await sleep(100);
  }
  throw new Error(`fewer than ${count} runs of ${workflowId}`);
}

/** Kills the backend holding `LISTEN "channel"` and waits until a new one listens again. */
async function killListener(channel: string): Promise<void> {
  const listening = async () => (await admin.query(`SELECT pid FROM pg_stat_activity WHERE query = $1`, [`LISTEN "${channel}"`])).rows.map((r) => r.pid as number);
  const before = await listening();
  expect(before).toHaveLength(1);
  await admin.query('SELECT pg_terminate_backend($1)', [before[0]]);
  for (let i = 0; i < 100; i++) {
    const now = await listening();
    if (now.length === 1 && now[0] !== before[0]) return;
    await sleep(100);
  }
  throw new Error('the trigger did not listen again');
}

describe('Postgres Trigger', () => {
  it('runs on every NOTIFY of its channel, again after its connection is terminated', async (test) => {
    if (!available) return test.skip();
    const channel = `weft_ch_${suffix}`;
    const id = await createActive(workflow('Listen', { triggerMode: 'listenTrigger', channelName: channel }));
    await admin.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify({ n: 1, quote: "it's" })]);
    expect((await seenRuns(id, 1))[0]).toMatchObject([{ channel, payload: { n: 1, quote: "it's" }, seen: true }]);
    await killListener(channel);
    await admin.query('SELECT pg_notify($1, $2)', [channel, 'plain text']);
    const runs = await seenRuns(id, 2);
    expect(runs[1]).toMatchObject([{ channel, payload: 'plain text', seen: true }]);
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
  }, 30_000);

  it("creates a row trigger ('createTrigger'), runs per inserted row, and drops it on deactivation", async (test) => {
    if (!available) return test.skip();
    const channel = `weft_rows_${suffix}`;
    const id = await createActive(workflow('Rows', {
      triggerMode: 'createTrigger', schema: { __rl: true, mode: 'name', value: 'public' }, tableName: { __rl: true, mode: 'name', value: table },
      firesOn: 'INSERT', additionalFields: { channelName: channel },
    }));
    await admin.query(`INSERT INTO ${table} VALUES (1, 'ada')`);
    expect((await seenRuns(id, 1))[0]).toMatchObject([{ channel, payload: { id: 1, name: 'ada' }, seen: true }]);
    await killListener(channel);
    await admin.query(`INSERT INTO ${table} VALUES (2, 'bob')`);
    expect((await seenRuns(id, 2))[1]).toMatchObject([{ payload: { id: 2, name: 'bob' } }]);
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    const triggers = await admin.query('SELECT tgname FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal', [table]);
    expect(triggers.rows).toEqual([]);
  }, 30_000);

  it('a manual run waits for the first notification', async (test) => {
    if (!available) return test.skip();
    const channel = `weft_manual_${suffix}`;
    const created = await api('POST', '/api/v1/workflows', workflow('Manual', { triggerMode: 'listenTrigger', channelName: channel }));
    const running = api('POST', `/api/v1/workflows/${created.body.id}/run?wait=true`, {});
    for (let i = 0; i < 50; i++) {
      const listening = await admin.query('SELECT 1 FROM pg_stat_activity WHERE query = $1', [`LISTEN "${channel}"`]);
      if (listening.rowCount) break;
      await sleep(100);
    }
    await admin.query('SELECT pg_notify($1, $2)', [channel, '{"manual":true}']);
    const manual = await running;
    expect(manual.status, JSON.stringify(manual.body)).toBe(201);
    expect(manual.body.data.resultData.runData.Seen[0].data.main[0][0].json).toMatchObject({ channel, payload: { manual: true }, seen: true });
  }, 30_000);
});
