// Shared by the executor tests: small real node types, a workflow builder, and a runner that checks
// that folding the recorded events gives back exactly the live result.
import { expect } from 'vitest';
import type { WorkflowDefinition, WorkflowNode } from '../../domain/index.ts';
import type { ExpressionEvaluator } from '../expression-context.ts';
import { NodeOperationError, type Item, type NodeDescription, type NodeType } from '../node-sdk.ts';
import type { RunResult } from '../run-data.ts';
import { executeWorkflow } from './execute-workflow.ts';
import { foldExecution, type ExecutionEvent } from './execution-events.ts';
import type { NodeDescriptionExtras, EngineExecuteContext } from './node-type-extras.ts';
import { createMemoryRecorder } from './recorder.ts';
import type { ExecuteWorkflowOptions } from './run-context.ts';

type Description = NodeDescription & NodeDescriptionExtras;

function describe(name: string, extra: Partial<Description> = {}): Description {
  return {
    name, displayName: name, group: ['transform'], version: [1], description: name,
    defaults: { name }, inputs: ['main'], outputs: ['main'], properties: [], ...extra,
  };
}

const node = (name: string, extra: Partial<Description>, execute: NodeType['execute']): NodeType => ({ description: describe(name, extra), execute });

/** Node types keyed by type name; `flaky` counts calls across the test that created the set. */
export function testNodeTypes(): Record<string, NodeType> {
  let flakyCalls = 0;
  return {
    'n8n-nodes-base.manualTrigger': node('n8n-nodes-base.manualTrigger', { group: ['trigger'], inputs: [], triggerKind: 'trigger' },
      async (ctx) => [ctx.getInputData()]),
    'test.schedule': node('test.schedule', { group: ['trigger'], inputs: [], triggerKind: 'trigger' }, async () => [[{ json: { scheduled: true } }]]),
    'test.pass': node('test.pass', {}, async (ctx) => [ctx.getInputData()]),
    // A Set-like node: new items without pairedItem, so the engine has to pair them.
    'test.set': node('test.set', {
      properties: [{ name: 'values', displayName: 'Values', type: 'json', default: {} }],
    }, async (ctx) => [ctx.getInputData().map((item, i) => ({ json: { ...item.json, ...(ctx.getNodeParameter('values', i) as object) } }))]),
    // n8n's test Set: counter = (first input item's counter || 0) + 1.
    'test.counter': node('test.counter', {}, async (ctx) => {
      const items = ctx.getInputData();
      const next = (Number(items[0]?.json.counter) || 0) + 1;
      return [items.map((item) => ({ json: { ...item.json, counter: next } }))];
    }),
    // IF: output 0 when json[key] (or the item index for '$itemIndex') compares true, else output 1.
    'test.if': node('test.if', {
      outputs: ['main', 'main'],
      properties: [
        { name: 'key', displayName: 'Key', type: 'string', default: '' },
        { name: 'op', displayName: 'Op', type: 'options', default: 'eq', options: [{ name: 'eq', value: 'eq' }, { name: 'lt', value: 'lt' }] },
        { name: 'value', displayName: 'Value', type: 'json', default: null },
      ],
    }, async (ctx) => {
      const out: Item[][] = [[], []];
      ctx.getInputData().forEach((item, i) => {
        const key = ctx.getNodeParameter('key', i) as string;
        const actual = key === '$itemIndex' ? i : item.json[key];
        const value = ctx.getNodeParameter('value', i);
        const pass = ctx.getNodeParameter('op', i) === 'lt' ? (actual as number) < (value as number) : actual === value;
        out[pass ? 0 : 1].push(item);
      });
      return out;
    }),
    // Merge (append), with n8n's requiredInputs rule for chooseBranch.
    'test.merge': node('test.merge', {
      inputs: ['main', 'main'],
      properties: [{ name: 'mode', displayName: 'Mode', type: 'options', default: 'append', options: [{ name: 'append', value: 'append' }, { name: 'chooseBranch', value: 'chooseBranch' }] }],
      requiredInputs: (p) => (p.mode === 'chooseBranch' ? [0, 1] : 1),
    }, async (ctx) => [[...ctx.getInputData(0), ...ctx.getInputData(1)].map((item) => ({ json: item.json, pairedItem: item.pairedItem }))]),
    // Reads the parameter at `path` (a dotted path), with `fallback` when given.
    'test.read': node('test.read', {
      properties: [{ name: 'options', displayName: 'Options', type: 'collection', default: {}, options: [{ name: 'deep', displayName: 'Deep', type: 'boolean', default: false }] }],
    }, async (ctx) => {
      const { path, fallback } = ctx.node.parameters as { path: string; fallback?: unknown };
      return [[{ json: { value: ctx.getNodeParameter(path, 0, fallback) } }]];
    }),
    // Counts its own runs in the execution's node context and reports where its input came from.
    'test.visits': node('test.visits', {}, async (ctx) => {
      const engine = ctx as EngineExecuteContext;
      const context = engine.getContext('node');
      context.visits = Number(context.visits ?? 0) + 1;
      return [[{ json: { visits: context.visits, from: engine.getInputSourceData()?.previousNode ?? null } }]];
    }),
    'test.null': node('test.null', {}, async () => null),
    'test.empty': node('test.empty', {}, async () => [[]]),
    'test.throw': node('test.throw', {}, async (ctx) => {
      throw new NodeOperationError(ctx.node.name, 'It broke', { description: 'on purpose' });
    }),
    'test.flaky': node('test.flaky', {
      properties: [{ name: 'failTimes', displayName: 'Fail times', type: 'number', default: 1 }],
    }, async (ctx) => {
      flakyCalls += 1;
      if (flakyCalls <= (ctx.getNodeParameter('failTimes', 0) as number)) throw new Error(`failure ${flakyCalls}`);
      return [ctx.getInputData().map((item) => ({ json: { ...item.json, calls: flakyCalls } }))];
    }),
    // Fails items whose json.bad is set: per item when continuing on fail, else the whole node.
    'test.itemErrors': node('test.itemErrors', {}, async (ctx) => {
      const out: Item[] = [];
      ctx.getInputData().forEach((item, i) => {
        if (!item.json.bad) out.push({ json: { ok: true }, pairedItem: { item: i } });
        else if (ctx.continueOnFail()) out.push({ json: { error: `bad item ${i}` }, pairedItem: { item: i } });
        else throw new NodeOperationError(ctx.node.name, `bad item ${i}`, { itemIndex: i });
      });
      return [out];
    }),
    'test.wait': node('test.wait', {}, async (ctx) => {
      (ctx as EngineExecuteContext).putExecutionToWait(new Date('2030-01-01T00:00:00.000Z'));
      return [ctx.getInputData()];
    }),
    // Never finishes on its own: only a cancel gets the run past it.
    'test.hang': node('test.hang', {}, (ctx) => new Promise<never>((_resolve, reject) => {
      ctx.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    })),
  };
}

type NodeSpec = [name: string, type: string, position?: [number, number], extra?: Partial<WorkflowNode>];
type LinkSpec = [from: string, to: string, output?: number, input?: number];

export function workflow(nodes: NodeSpec[], links: LinkSpec[], settings: WorkflowDefinition['settings'] = { executionOrder: 'v1' }): WorkflowDefinition {
  const connections: WorkflowDefinition['connections'] = {};
  for (const [from, to, output = 0, input = 0] of links) {
    const main = ((connections[from] ??= {}).main ??= []);
    while (main.length <= output) main.push([]);
    main[output]!.push({ node: to, type: 'main', index: input });
  }
  return {
    name: 'test',
    nodes: nodes.map(([name, type, position = [0, 0], extra = {}]) => ({ name, type, typeVersion: 1, position, parameters: {}, ...extra })),
    connections,
    settings,
  };
}

/** An evaluator for literal parameters only; tests with expressions use the real one. */
export const literalEvaluator: ExpressionEvaluator = {
  resolve(value) {
    return value;
  },
};

export interface TestRun {
  result: RunResult;
  events: ExecutionEvent[];
  /** Node names in executionIndex order (one entry per run). */
  order: string[];
  /** Output 0 json per node run: `json(run, 'X')` → [[…run 0…], [...run 1...]]. */
  json(node: string, output?: number): unknown[][];
}

export async function run(definition: WorkflowDefinition, options: Partial<ExecuteWorkflowOptions> = {}): Promise<TestRun> {
  const types = testNodeTypes();
  const recorder = createMemoryRecorder({ snapshot: true });
  let clock = Date.parse('2024-01-01T00:00:00.000Z');
  const result = await executeWorkflow({
    definition, workflowId: 'wf1', executionId: 'ex1', mode: 'manual',
    nodeTypes: (type) => types[type], evaluator: literalEvaluator, timezone: 'UTC',
    credentials: async () => ({}), runCode: async () => undefined, recorder,
    now: () => (clock += 1),
    ...options,
  });
  // Every run must be rebuildable from its events alone.
  expect(foldExecution(recorder.events)).toEqual(result);
  const tasks = Object.entries(result.data.resultData.runData).flatMap(([name, runs]) => runs.map((t) => ({ name, i: t.executionIndex })));
  return {
    result,
    events: recorder.events,
    order: tasks.sort((a, b) => a.i - b.i).map((t) => t.name),
    json: (name, output = 0) => (result.data.resultData.runData[name] ?? []).map((t) => (t.data?.main[output] ?? []).map((i) => i.json)),
  };
}
