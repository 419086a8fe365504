import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../domain/index.ts';
import type { NodeType } from '../node-sdk.ts';
import type { RunResult } from '../run-data.ts';
import { executeWorkflow } from './execute-workflow.ts';
import { foldExecution, type ExecutionEvent } from './execution-events.ts';
import { createMemoryRecorder } from './recorder.ts';
import type { ReplaySource } from './replay.ts';
import { literalEvaluator, testNodeTypes, workflow } from './test-support.ts';

/** Runs with node types that count how often each node really executed. */
function runner() {
  const types = testNodeTypes();
  const calls: Record<string, number> = {};
  const counted: Record<string, NodeType> = Object.fromEntries(Object.entries(types).map(([name, type]) => [name, {
    description: type.description,
    execute: (ctx) => {
      calls[ctx.node.name] = (calls[ctx.node.name] ?? 0) + 1;
      return type.execute!(ctx);
    },
  }]));
  return {
    calls,
    async run(definition: WorkflowDefinition, replay?: ReplaySource): Promise<{ result: RunResult; events: ExecutionEvent[] }> {
      const recorder = createMemoryRecorder({ snapshot: true });
      let clock = Date.parse('2024-01-01T00:00:00.000Z');
      const result = await executeWorkflow({
        definition, workflowId: 'wf1', executionId: 'ex1', mode: 'manual',
        nodeTypes: (type) => counted[type], evaluator: literalEvaluator, timezone: 'UTC',
        credentials: async () => ({}), runCode: async () => undefined, recorder,
        now: () => (clock += 1), replay,
      });
      return { result, events: recorder.events };
    },
  };
}

/** The run without its timings, which differ between a run and its continuation. */
function shape(result: RunResult) {
  const runData = Object.fromEntries(Object.entries(result.data.resultData.runData).map(([name, runs]) => [
    name, runs.map((t) => ({ executionIndex: t.executionIndex, status: t.executionStatus, source: t.source, data: t.data, error: t.error?.message })),
  ]));
  return { status: result.status, lastNodeExecuted: result.data.resultData.lastNodeExecuted, error: result.data.resultData.error?.message, runData };
}

const eventKey = (e: ExecutionEvent) => {
  const d = e.data as { node?: string; runIndex?: number; attempt?: number };
  return `${e.type}:${d.node ?? ''}:${d.runIndex ?? ''}:${d.attempt ?? ''}`;
};

// A loop (Counter runs three times), node state kept in the execution context, and a merge.
const loop = workflow(
  [['Start', 'n8n-nodes-base.manualTrigger'], ['Counter', 'test.counter'], ['Visits', 'test.visits'],
    ['Again', 'test.if', [0, 0], { parameters: { key: 'counter', op: 'lt', value: 3 } }], ['Side', 'test.pass'], ['Merge', 'test.merge']],
  [['Start', 'Counter'], ['Counter', 'Again'], ['Counter', 'Visits'], ['Again', 'Counter', 0], ['Again', 'Side', 1], ['Side', 'Merge', 0, 0], ['Start', 'Merge', 0, 1]],
);

describe('continuing a run from its record', () => {
  it('gives the same run from every point a worker could die at, running no recorded node again and writing no event twice', async () => {
    const full = await runner().run(loop);
    expect(full.result.status).toBe('success');
    expect(full.result.data.resultData.runData.Counter).toHaveLength(3);
    const finished = full.events.findIndex((e) => e.type === 'ExecutionFinished');
    for (let cut = 1; cut < finished; cut++) {
      const stored = full.events.slice(0, cut);
      const r = runner();
      const continued = await r.run(loop, { events: stored });
      const all = [...stored, ...continued.events];
      expect(shape(foldExecution(all)), `cut at ${cut}`).toEqual(shape(full.result));
      expect(shape(continued.result)).toEqual(shape(full.result));
      const keys = all.map(eventKey);
      expect(new Set(keys).size, `duplicate events at cut ${cut}`).toBe(keys.length);
      const recordedRuns = stored.filter((e) => e.type === 'NodeSucceeded').length;
      const totalRuns = full.events.filter((e) => e.type === 'NodeSucceeded').length;
      const ranAgain = Object.values(r.calls).reduce((a, b) => a + b, 0);
      // Trigger nodes run too in manual mode; every run not on record is run once more, no other.
      expect(ranAgain, `cut at ${cut}`).toBe(totalRuns - recordedRuns);
    }
  });

  it('refuses to continue a record that does not fit the workflow', async () => {
    const full = await runner().run(loop);
    const other = workflow([['Start', 'n8n-nodes-base.manualTrigger'], ['X', 'test.pass']], [['Start', 'X']]);
    const cut = full.events.findIndex((e) => e.type === 'NodeSucceeded' && (e.data as { node: string }).node === 'Visits');
    const continued = await runner().run(other, { events: full.events.slice(0, cut + 1) });
    expect(continued.result.status).toBe('error');
    expect(continued.result.data.resultData.error?.message).toMatch(/cannot be continued/);
  });
});

describe('resuming a parked run', () => {
  const parked = workflow([['Start', 'n8n-nodes-base.manualTrigger'], ['Wait', 'test.wait'], ['After', 'test.set', [0, 0], { parameters: { values: { done: true } } }]],
    [['Start', 'Wait'], ['Wait', 'After']]);

  it('passes the Wait node its input, under the same run index, and runs the rest', async () => {
    const first = await runner().run(parked, undefined);
    expect(first.result.status).toBe('waiting');
    const r = runner();
    const resumed = await r.run(parked, { events: first.events, resume: true });
    expect(resumed.result.status).toBe('success');
    expect(r.calls).toEqual({ After: 1 });
    const all = [...first.events, ...resumed.events];
    expect(all.map((e) => e.type)).toContain('ExecutionResumed');
    const folded = foldExecution(all);
    expect(shape(folded)).toEqual(shape(resumed.result));
    expect(folded.waitTill).toBeUndefined();
    expect(folded.data.resultData.runData.Wait).toHaveLength(1);
    expect(folded.data.resultData.runData.Wait[0].executionStatus).toBe('success');
    expect(folded.data.resultData.runData.After[0].data?.main[0]?.[0].json).toEqual({ done: true });

    // A worker dying after the resume continues it without resuming twice.
    for (let cut = first.events.length + 1; cut < all.length - 1; cut++) {
      const again = await runner().run(parked, { events: all.slice(0, cut) });
      const combined = [...all.slice(0, cut), ...again.events];
      expect(combined.filter((e) => e.type === 'ExecutionResumed')).toHaveLength(1);
      expect(shape(foldExecution(combined))).toEqual(shape(resumed.result));
    }
  });

  it('gives the resume data (a webhook call) as the Wait node output', async () => {
    const first = await runner().run(parked);
    const resumed = await runner().run(parked, { events: first.events, resume: true, resumeItems: [{ json: { body: { ok: 1 } } }] });
    expect(resumed.result.data.resultData.runData.Wait[0].data?.main[0]?.[0].json).toEqual({ body: { ok: 1 } });
    expect(resumed.result.data.resultData.runData.After[0].data?.main[0]?.[0].json).toEqual({ body: { ok: 1 }, done: true });
  });

  it('does not resume a parked run unless asked', async () => {
    const first = await runner().run(parked);
    const again = await runner().run(parked, { events: first.events });
    expect(again.result.status).toBe('error');
    expect(again.events.map((e) => e.type)).toEqual(['ExecutionFinished']);
  });
});

describe('retrying from the failed node', () => {
  it('reuses the outputs of the nodes that succeeded and runs the failed node again', async () => {
    const def = workflow([['Start', 'n8n-nodes-base.manualTrigger'], ['A', 'test.set', [0, 0], { parameters: { values: { a: 1 } } }], ['Flaky', 'test.flaky'], ['B', 'test.pass']],
      [['Start', 'A'], ['A', 'Flaky'], ['Flaky', 'B']]);
    const r = runner();
    const failed = await r.run(def);
    expect(failed.result.status).toBe('error');
    const retry = await r.run(def, { events: [], seed: failed.events });
    expect(retry.result.status).toBe('success');
    expect(r.calls).toEqual({ Start: 1, A: 1, Flaky: 2, B: 1 });
    expect(shape(foldExecution(retry.events))).toEqual(shape(retry.result));
    expect(retry.result.data.resultData.runData.A[0]).toEqual(failed.result.data.resultData.runData.A[0]);
    expect(retry.result.data.resultData.runData.B[0].data?.main[0]?.[0].json).toEqual({ a: 1, calls: 2 });
  });
});
