// Execution data retention on a real embedded runtime: pruning by age and by count, n8n's save
// settings, shared blobs, the audit record of each pruned run, and rebuilding after it.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { executionStreamName } from '../../engine/index.ts';
import { AUDIT, EXECUTION_BLOB_REFS, EXECUTIONS, type AuditDoc, type BlobRefDoc, type ExecutionDoc } from '../../projections/index.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const BASE_ENV = { OUTPUT_INLINE_LIMIT_BYTES: '1024', EXECUTIONS_DATA_BLOB_GRACE_MS: '0' };

/** Manual trigger, an output every run shares (same content), one unique per run, then `tail`. */
function bigWorkflow(name: string, extra: { settings?: Record<string, unknown>; tail?: Record<string, unknown> } = {}) {
  const nodes: Record<string, unknown>[] = [
    { id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: 'c', name: 'Shared', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: "return [{ json: { pad: 'shared'.repeat(1000) } }];" } },
    { id: 'u', name: 'Unique', type: 'n8n-nodes-base.code', typeVersion: 2, position: [400, 0], parameters: { jsCode: "return [{ json: { pad: String($execution.id).repeat(500) } }];" } },
  ];
  const connections: Record<string, unknown> = {
    Start: { main: [[{ node: 'Shared', type: 'main', index: 0 }]] },
    Shared: { main: [[{ node: 'Unique', type: 'main', index: 0 }]] },
  };
  if (extra.tail) {
    nodes.push({ id: 't', position: [600, 0], ...extra.tail });
    connections.Unique = { main: [[{ node: extra.tail.name, type: 'main', index: 0 }]] };
  }
  return { name, nodes, connections, settings: { executionOrder: 'v1', ...extra.settings } };
}

const WAIT = { name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, parameters: { resume: 'timeInterval', amount: 2, unit: 'hours' } };

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full) : statSync(full).size;
  }
  return total;
}

describe('execution data retention', () => {
  let rt: TestRuntime;
  afterEach(() => rt?.dispose());

  const setup = async (env: Record<string, string>) => {
    rt = await startTestRuntime({ ...BASE_ENV, ...env });
    return request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
  };
  const docOf = (id: string) => rt.projections.executions.collection<ExecutionDoc>(EXECUTIONS).get(id);
  const auditOf = async (filter: Record<string, string>) =>
    (await rt.projections.audit.collection<AuditDoc>(AUDIT).find({ filter, limit: 1000 })).items;
  const blobsDir = () => path.join(rt.config.dataDir, 'blobs');
  const storedBlobs = () => readdirSync(blobsDir(), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();

  async function runAll(api: ReturnType<typeof request.agent>, workflowId: string, times: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < times; i++) {
      const run = await api.post(`/api/v1/workflows/${workflowId}/run`).query({ wait: 'true' }).send({});
      expect(run.status, run.text).toBe(201);
      ids.push(run.body.id);
    }
    await rt.executions.settle();
    return ids;
  }

  it('prunes finished runs by age: events, blobs no other run uses, read-model rows; keeps waiting runs and an audit record', async () => {
    const api = await setup({ EXECUTIONS_DATA_MAX_AGE: '1', EXECUTIONS_DATA_PRUNE_MAX_COUNT: '0' });
    const big = (await api.post('/api/v1/workflows').send(bigWorkflow('Big'))).body;
    const parkedWf = (await api.post('/api/v1/workflows').send(bigWorkflow('Parks', { tail: WAIT }))).body;
    const finished = await runAll(api, big.id, 4);
    const parked = (await api.post(`/api/v1/workflows/${parkedWf.id}/run`).query({ wait: 'true' }).send({})).body;
    expect(parked.status).toBe('waiting');
    await rt.executions.settle();

    const refsOf = async (id: string) =>
      (await rt.projections.executions.collection<BlobRefDoc>(EXECUTION_BLOB_REFS).find({ filter: { executionId: id }, limit: 100 })).items.map((r) => r.sha256);
    const parkedRefs = await refsOf(parked.id);
    // Its two outputs at least (with a 1 KiB inline limit its queue and definition go too).
    expect(parkedRefs.length).toBeGreaterThanOrEqual(2);
    const perRun = await Promise.all(finished.map(refsOf));
    const finishedRefs = new Set(perRun.flat());
    // One output all five runs share, plus one of its own per run.
    const shared = [...finishedRefs].find((sha) => parkedRefs.includes(sha))!;
    expect(shared).toBeDefined();
    perRun.forEach((refs, i) => expect(refs.some((sha) => !parkedRefs.includes(sha) && perRun.every((other, j) => j === i || !other.includes(sha)))).toBe(true));
    expect(storedBlobs()).toEqual([...new Set([...finishedRefs, ...parkedRefs])].sort());
    const auditBefore = (await auditOf({ stream: executionStreamName(finished[0]) })).length;
    // Who asked for the run and how it ended (its steps stay in its own stream).
    expect(auditBefore).toBe(2);
    await rt.events.reclaimSpace();
    await rt.readModels.reclaimSpace();
    const bytesBefore = dirBytes(rt.config.dataDir);

    // Nothing is old enough yet.
    expect((await rt.retention.pruneOnce()).pruned.maxAge).toBe(0);
    const report = await rt.retention.pruneOnce(Date.now() + 2 * 3600_000);
    expect(report.pruned.maxAge).toBe(4);
    expect(report.blobsDeleted).toBe([...finishedRefs].filter((sha) => !parkedRefs.includes(sha)).length);

    for (const id of finished) {
      expect(await rt.events.readStream(executionStreamName(id))).toEqual([]);
      expect(await docOf(id)).toBeUndefined();
      expect((await api.get(`/api/v1/executions/${id}`)).status).toBe(404);
      expect(await auditOf({ stream: executionStreamName(id) })).toEqual([]);
      const [record] = await auditOf({ stream: `retention-${id}` });
      expect(record).toMatchObject({ type: 'ExecutionPruned', actorKind: 'system', workspaceId: expect.any(String) });
      expect(record.summary).toContain(id);
      expect(record.summary).toContain('EXECUTIONS_DATA_MAX_AGE');
    }
    // The waiting run keeps its events, its row and every blob it refers to (the shared one too).
    expect((await rt.events.readStream(executionStreamName(parked.id))).length).toBeGreaterThan(3);
    expect((await docOf(parked.id))?.status).toBe('waiting');
    expect(storedBlobs()).toEqual([...parkedRefs].sort());
    const detail = await api.get(`/api/v1/executions/${parked.id}`).query({ includeData: 'true' });
    expect(JSON.stringify(detail.body.data.resultData.runData.Unique)).toContain(parked.id.repeat(3));
    expect(dirBytes(rt.config.dataDir)).toBeLessThan(bytesBefore);

    // A rebuild from the log (whose execution streams are gone) gives the same read models.
    const listBefore = (await api.get('/api/v1/executions')).body;
    await rt.projections.executions.rebuild();
    await rt.projections.audit.rebuild();
    expect((await api.get('/api/v1/executions')).body).toEqual(listBefore);
    expect(await auditOf({ type: 'ExecutionPruned' })).toHaveLength(4);
    expect(await auditOf({ stream: executionStreamName(finished[1]) })).toEqual([]);
  });

  it('prunes finished runs beyond EXECUTIONS_DATA_PRUNE_MAX_COUNT, oldest first, never a waiting one', async () => {
    const api = await setup({ EXECUTIONS_DATA_PRUNE_MAX_COUNT: '2' });
    const parkedWf = (await api.post('/api/v1/workflows').send(bigWorkflow('Parks', { tail: WAIT }))).body;
    const parked = (await api.post(`/api/v1/workflows/${parkedWf.id}/run`).query({ wait: 'true' }).send({})).body;
    const big = (await api.post('/api/v1/workflows').send(bigWorkflow('Big'))).body;
    const runs = await runAll(api, big.id, 4);
    const report = await rt.retention.pruneOnce();
    expect(report.pruned).toMatchObject({ maxCount: 2, maxAge: 0 });
    const left = (await api.get('/api/v1/executions')).body.data.map((e: { id: string }) => e.id).sort();
    expect(left).toEqual([parked.id, runs[2], runs[3]].sort());
    expect(await rt.events.readStream(executionStreamName(runs[0]))).toEqual([]);
    expect((await rt.events.readStream(executionStreamName(runs[3]))).length).toBeGreaterThan(3);
    expect((await auditOf({ type: 'ExecutionPruned' })).map((e) => e.stream).sort()).toEqual([`retention-${runs[0]}`, `retention-${runs[1]}`].sort());
    // Blobs of kept runs stay readable.
    const kept = await api.get(`/api/v1/executions/${runs[2]}`).query({ includeData: 'true' });
    expect(kept.status).toBe(200);
    expect(JSON.stringify(kept.body.data.resultData.runData.Shared)).toContain('sharedshared');
  });

  it("drops a finished run's data at once when the workflow's save settings say so, keeping the audit record", async () => {
    const api = await setup({ EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'false' });
    const unsaved = (await api.post('/api/v1/workflows').send(bigWorkflow('Not saved', { settings: { saveManualExecutions: 'DEFAULT' } }))).body;
    const saved = (await api.post('/api/v1/workflows').send(bigWorkflow('Saved', { settings: { saveManualExecutions: true } }))).body;
    const [gone] = await runAll(api, unsaved.id, 1);
    const [kept] = await runAll(api, saved.id, 1);
    await rt.executions.settle();
    expect(await rt.events.readStream(executionStreamName(gone))).toEqual([]);
    expect((await api.get(`/api/v1/executions/${gone}`)).status).toBe(404);
    expect((await api.get(`/api/v1/executions/${kept}`)).status).toBe(200);
    const [record] = await auditOf({ stream: `retention-${gone}` });
    expect(record.summary).toContain("save settings");
    expect(record.summary).toContain(gone);
    // Its blobs go with the next pass (the kept run's shared one stays).
    const report = await rt.retention.pruneOnce();
    expect(report.blobsDeleted).toBe(1);
    const keptRefs = (await rt.projections.executions.collection<BlobRefDoc>(EXECUTION_BLOB_REFS).find({ filter: { executionId: kept }, limit: 100 })).items;
    expect(storedBlobs()).toEqual(keptRefs.map((r) => r.sha256).sort());
    expect(keptRefs).toHaveLength(2);
  });

  it('refuses save settings n8n does not know, with a 400', async () => {
    const api = await setup({});
    const bad = await api.post('/api/v1/workflows').send(bigWorkflow('Bad', { settings: { saveDataSuccessExecution: 'some' } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("saveDataSuccessExecution");
  });
});
