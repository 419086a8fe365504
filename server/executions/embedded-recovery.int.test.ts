// The embedded queue across a restart: a run handed back on shutdown is continued by the next
// start on the same data folder, and a parked run is armed again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { executionStreamName } from '../../engine/index.ts';
import { createSqliteEventStore } from '../../events/index.ts';
import { startTestRuntime } from '../test-support.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-recovery-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const ctx = { actor: { kind: 'system' as const, id: 'test' }, requestId: randomUUID() };

const node = (id: string, name: string, type: string, x: number, parameters: object, typeVersion = 1) =>
  ({ id, name, type: `n8n-nodes-base.${type}`, typeVersion, position: [x, 0], parameters });
const link = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });

describe('the embedded queue across a restart', () => {
  it('continues a run handed back on shutdown, and re-arms a parked one', async () => {
    const env = { WORKER_SHUTDOWN_TIMEOUT_MS: '50' };
    const first = await startTestRuntime(env, dataDir);
    const slow = await first.workflows.create('default', parseWorkflowDefinition({
      name: 'Slow', settings: { executionOrder: 'v1' },
      nodes: [
        node('1', 'Start', 'manualTrigger', 0, {}),
        ...[1, 2, 3, 4, 5].map((i) => node(`s${i}`, `Step ${i}`, 'code', i * 200, { jsCode: `const end = Date.now() + 150; while (Date.now() < end) {} return [{ json: { step: ${i} } }];` }, 2)),
      ],
      connections: { Start: link('Step 1'), 'Step 1': link('Step 2'), 'Step 2': link('Step 3'), 'Step 3': link('Step 4'), 'Step 4': link('Step 5') },
    }), [], ctx);
    const parked = await first.workflows.create('default', parseWorkflowDefinition({
      name: 'Parked', settings: { executionOrder: 'v1' },
      nodes: [node('1', 'Start', 'manualTrigger', 0, {}), node('2', 'Wait', 'wait', 200, { resume: 'timeInterval', amount: 3, unit: 'hours' }, 1.1)],
      connections: { Start: link('Wait') },
    }), [], ctx);

    const waiting = await first.executions.start(parked, {}, ctx);
    expect((await waiting.done).status).toBe('waiting');
    const { executionId } = await first.executions.start(slow, {}, ctx);
    await new Promise((r) => setTimeout(r, 250));
    await first.close();
    // Handed back between two steps: not finished, and nothing past the hand-back recorded.
    const store = createSqliteEventStore({ file: path.join(dataDir, 'events.sqlite') });
    const before = (await store.readStream(executionStreamName(executionId))).map((e) => e.type);
    await store.close();
    expect(before).toContain('NodeSucceeded');
    expect(before).not.toContain('ExecutionFinished');

    const second = await startTestRuntime(env, dataDir);
    try {
      await expect.poll(async () => (await second.executions.find(executionId))?.status, { timeout: 15_000 }).toBe('success');
      const run = await second.executions.get(executionId, true) as unknown as { data: { resultData: { runData: Record<string, unknown[]> } } };
      expect(Object.keys(run.data.resultData.runData)).toHaveLength(6);
      const stream = await second.events.readStream(executionStreamName(executionId));
      const done = stream.filter((e) => e.type === 'NodeSucceeded').map((e) => (e.data as { node: string }).node);
      expect(new Set(done).size).toBe(done.length);
      // The parked run waits for its delayed resume again.
      expect((await second.executions.find(waiting.executionId))?.status).toBe('waiting');
      expect(await second.executions.pendingJobs()).toBe(1);
    } finally {
      await second.dispose();
    }
  }, 60_000);
});
