import { expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../domain/index.ts';
import type { NodeType } from '../node-sdk.ts';
import { executeWorkflow } from './execute-workflow.ts';
import { foldExecution, type ExecutionEvent } from './execution-events.ts';
import { breakpointPauser } from './pause-points.ts';
import type { Breakpoint } from './pause-types.ts';
import { createMemoryRecorder } from './recorder.ts';
import { literalEvaluator, testNodeTypes, workflow } from './test-support.ts';

/** A run continued from `record` (the stream so far), counting which nodes really executed. */
async function runFrom(definition: WorkflowDefinition, record: ExecutionEvent[], breakpoints: Breakpoint[], calls: Record<string, number>) {
  const types = testNodeTypes();
  const counted: Record<string, NodeType> = Object.fromEntries(Object.entries(types).map(([name, type]) => [name, {
    description: type.description,
    execute: (ctx) => {
      calls[ctx.node.name] = (calls[ctx.node.name] ?? 0) + 1;
      return type.execute!(ctx);
    },
  }]));
  const recorder = createMemoryRecorder({ snapshot: true });
  const lastResume = [...record].reverse().find((e) => e.type === 'ExecutionResumed')?.data as { how?: string } | undefined;
  const pauseAt = breakpointPauser(breakpoints, lastResume?.how === 'step');
  const result = await executeWorkflow({
    definition, workflowId: 'wf1', executionId: 'ex1', mode: 'manual',
    nodeTypes: (type) => counted[type], evaluator: literalEvaluator, timezone: 'UTC',
    credentials: async () => ({}), runCode: async () => undefined, recorder,
    ...(pauseAt ? { pauseAt } : {}),
    ...(record.length ? { replay: { events: record, resume: true } } : {}),
  });
  record.push(...recorder.events);
  return result;
}

const chain = workflow(
  [['Start', 'n8n-nodes-base.manualTrigger'], ['A', 'test.counter'], ['B', 'test.counter'], ['C', 'test.pass']],
  [['Start', 'A'], ['A', 'B'], ['B', 'C']],
);

it('pauses before a node, takes an edited input, steps, continues, and never runs a node twice', async () => {
  const record: ExecutionEvent[] = [];
  const calls: Record<string, number> = {};
  const breakpoints: Breakpoint[] = [{ node: 'B', when: 'before' }];

  const first = await runFrom(chain, record, breakpoints, calls);
  expect(first).toMatchObject({ status: 'waiting', paused: { node: 'B', when: 'before' } });
  expect(record.at(-1)).toMatchObject({ type: 'ExecutionPaused', data: { node: 'B', when: 'before', runIndex: 0, input: [[{ json: { counter: 1 } }]] } });
  // Parked with no resume on record: going on is refused, nothing is written.
  const before = record.length;
  const still = await runFrom(chain, record, breakpoints, calls);
  expect(still.status).toBe('error');
  record.length = before;

  record.push({ type: 'PausedInputEdited', data: { items: [{ json: { counter: 10 } }, { json: { counter: 20 } }] } } as unknown as ExecutionEvent);
  record.push({ type: 'ExecutionResumed', data: { resumedAt: '2024-01-01T00:00:01.000Z', how: 'step' } });
  const stepped = await runFrom(chain, record, breakpoints, calls);
  expect(stepped).toMatchObject({ status: 'waiting', paused: { node: 'C', when: 'before' } });
  expect(stepped.data.resultData.runData.B[0].data!.main[0]!.map((i) => i.json)).toEqual([{ counter: 11 }, { counter: 11 }]);

  record.push({ type: 'ExecutionResumed', data: { resumedAt: '2024-01-01T00:00:02.000Z', how: 'continue' } });
  const done = await runFrom(chain, record, breakpoints, calls);
  expect(done.status).toBe('success');
  expect(done.data.resultData.runData.C[0].data!.main[0]!.map((i) => i.json)).toEqual([{ counter: 11 }, { counter: 11 }]);
  expect(calls).toEqual({ Start: 1, A: 1, B: 1, C: 1 });
  // The stream alone gives the same run, pauses and all.
  expect(foldExecution(record).data.resultData.runData.C).toEqual(done.data.resultData.runData.C);
  expect(record.filter((e) => e.type === 'ExecutionPaused').map((e) => (e.data as { node: string }).node)).toEqual(['B', 'C']);
});

it('pauses after a node with its output, and is not asked at all without breakpoints', async () => {
  const record: ExecutionEvent[] = [];
  const calls: Record<string, number> = {};
  const paused = await runFrom(chain, record, [{ node: 'A', when: 'after' }], calls);
  expect(paused).toMatchObject({ status: 'waiting', paused: { node: 'A', when: 'after' } });
  expect(record.at(-1)).toMatchObject({ type: 'ExecutionPaused', data: { node: 'A', when: 'after', output: [[{ json: { counter: 1 } }]] } });
  record.push({ type: 'ExecutionResumed', data: { resumedAt: '2024-01-01T00:00:01.000Z', how: 'continue' } });
  const done = await runFrom(chain, record, [{ node: 'A', when: 'after' }], calls);
  expect(done.status).toBe('success');
  expect(calls).toEqual({ Start: 1, A: 1, B: 1, C: 1 });

  expect(breakpointPauser([], false)).toBeUndefined();
  const plain: ExecutionEvent[] = [];
  expect((await runFrom(chain, plain, [], {})).status).toBe('success');
  expect(plain.some((e) => e.type === 'ExecutionPaused')).toBe(false);
});
