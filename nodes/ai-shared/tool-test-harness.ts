// For memory and tool sub-node tests: a minimal root node (the test decides what it does with the
// sub-nodes it reads) run through the real engine, expressions and sandbox, with the registry.
import type { WorkflowDefinition } from '../../domain/index.ts';
import type { ExecuteContext, Item, JsonObject, NodeType, RunResult } from '../../engine/index.ts';
import { getNodeType } from '../index.ts';
import { createFixtureEngine, type RealFixtureEngine } from '../testing/fixture-engine.ts';

export const ROOT_TYPE = 'test.aiRoot';

/** What the test's root does for one input item; its answer becomes the item's json. */
export type RootStep = (ctx: ExecuteContext, item: Item, itemIndex: number) => Promise<JsonObject>;

function rootNode(step: RootStep): NodeType {
  return {
    description: {
      name: ROOT_TYPE, displayName: 'Root', group: ['transform'], version: [1], description: '', defaults: { name: 'Root' },
      inputs: ['main'], outputs: ['main'], properties: [],
      subNodeInputs: [{ type: 'ai_memory', displayName: 'Memory', maxConnections: 1 }, { type: 'ai_tool', displayName: 'Tool' }],
    },
    async execute(ctx) {
      const out: Item[] = [];
      for (const [i, item] of ctx.getInputData().entries()) out.push({ json: await step(ctx, item, i), pairedItem: { item: i } });
      return [out];
    },
  };
}

export interface SubNode {
  name: string;
  type: string;
  typeVersion: number;
  parameters?: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
}

/** Start → Root, with each sub-node wired into Root by its output type. */
export function rootWorkflow(subNodes: Array<SubNode & { connection: 'ai_memory' | 'ai_tool' }>, id = 'wf-ai-test'): WorkflowDefinition {
  const connections: Record<string, unknown> = { Start: { main: [[{ node: 'Root', type: 'main', index: 0 }]] } };
  for (const sub of subNodes) connections[sub.name] = { [sub.connection]: [[{ node: 'Root', type: sub.connection, index: 0 }]] };
  return {
    id, name: 'AI sub-node test', settings: { executionOrder: 'v1' },
    nodes: [
      { id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'r', name: 'Root', type: ROOT_TYPE, typeVersion: 1, position: [200, 0], parameters: {} },
      ...subNodes.map(({ connection: _c, ...sub }, i) => ({ id: `n${i}`, position: [200 + i * 100, 200], parameters: {}, ...sub })),
    ],
    connections,
  } as unknown as WorkflowDefinition;
}

export interface RootRun {
  result: RunResult;
  /** Root's output jsons. */
  out: JsonObject[];
  /** A sub-node's recorded uses: input and output json (or error message) of each. */
  uses(node: string): Array<{ input: unknown; output?: unknown; error?: string }>;
}

export function createRootRunner(): { run: (definition: WorkflowDefinition, step: RootStep, options?: RunOptions) => Promise<RootRun>; engine: RealFixtureEngine } {
  const engine = createFixtureEngine();
  return {
    engine,
    async run(definition, step, options = {}) {
      const root = rootNode(step);
      const result = await engine.run(
        { name: 'ai test', file: 'ai-test', workflow: definition, pinData: { Start: options.items ?? [{ json: {} }] }, credentials: options.credentials, subWorkflows: options.subWorkflows },
        (type, version) => (type === ROOT_TYPE ? root : getNodeType(type, version)),
      );
      const runData = result.data.resultData.runData;
      return {
        result,
        out: (runData.Root?.[0]?.data?.main[0] ?? []).map((i) => i.json),
        uses: (node) => (runData[node] ?? []).map((run) => {
          const type = Object.keys(run.inputOverride ?? {})[0];
          const input = (run.inputOverride as Record<string, Item[][]> | undefined)?.[type]?.[0]?.[0]?.json;
          const output = (run.data as Record<string, Item[][]> | undefined)?.[type]?.[0]?.[0]?.json;
          return { input, ...(output ? { output } : {}), ...(run.error ? { error: run.error.message } : {}) };
        }),
      };
    },
  };
}

export interface RunOptions {
  items?: Item[];
  credentials?: Record<string, Record<string, unknown>>;
  subWorkflows?: Record<string, unknown>;
}
