// CLI verbs that use the engine with no server: `execute --file` and `eval`.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError, parseWorkflowJson, type WorkflowDefinition } from '../domain/index.ts';
import {
  createCodeRunner, createExpressionEvaluator, createMemoryRecorder, executeWorkflow, sharedPythonRunner, subWorkflowResult, subWorkflowStartNode,
  type ExpressionContext, type Item, type RunResult,
} from '../engine/index.ts';
import path from 'node:path';
import { getNodeType, loadNodeTypes } from '../nodes/index.ts';
import { writeJson } from './cli-exit.ts';
import { loadConfig } from './config.ts';
import { createNpmFolder } from './node-packages/npm-folder.ts';
import { createPackageLoader } from './node-packages/package-loader.ts';
import { parseJsonBytes } from './http/strict-json.ts';

/** A JSON file, held to the same depth and UTF-8 rules as an API body. */
export async function readJsonFile(file: string, what: string, maxDepth = loadConfig().jsonMaxDepth): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new AppError('validation_failed', `Cannot read ${what} from ${file}: ${(error as Error).message}`);
  }
  return parseJsonBytes(bytes, maxDepth, `${what[0].toUpperCase()}${what.slice(1)} in ${file}`);
}

/** Items from a file: an array of items or of plain objects (wrapped as `{json}`), or one object. */
function toItems(value: unknown): Item[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (v && typeof v === 'object' && 'json' in v ? (v as Item) : { json: (v ?? {}) as Record<string, unknown> }));
}

/** `execute --file workflow.json [--input items.json] [--output result.json]`: exit 0 on success. */
export async function executeFile(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { file: { type: 'string' }, input: { type: 'string' }, output: { type: 'string' } } });
  if (!values.file) throw new AppError('validation_failed', 'Usage: execute --file workflow.json [--input items.json] [--output result.json]');
  const raw = await readJsonFile(values.file, 'the workflow');
  const definition = parseWorkflowJson(Array.isArray(raw) ? raw[0] : raw).definition;
  const triggerItems = values.input ? toItems(await readJsonFile(values.input, 'the input items')) : undefined;
  const local = createLocalRunner(String((raw as { id?: unknown }).id ?? 'file'), "'execute --file'");
  try {
    const result = await local.run(definition, { triggerItems, mode: 'cli' });
    await writeJson(result, values.output);
    return result.status === 'success' ? 0 : 1;
  } finally {
    local.dispose();
  }
}

export interface LocalRunner {
  /** Runs a definition on this process's engine ('manual' honours pinned data, as an editor run does). */
  run(definition: WorkflowDefinition, options: { triggerItems?: Item[]; pinData?: Record<string, unknown[]>; mode: 'cli' | 'manual' }): Promise<RunResult>;
  evaluator: ReturnType<typeof createExpressionEvaluator>;
  dispose(): void;
}

/** The engine with no server (`execute --file`, `test <file>`): no credentials, no stored workflows. */
export function createLocalRunner(workflowId: string, verb: string): LocalRunner {
  const config = loadConfig();
  // The community packages installed in DATA_DIR (and NODES_DIR's) run here as on the server.
  if (config.communityPackagesEnabled) {
    createPackageLoader(createNpmFolder(path.join(config.dataDir, 'nodes')), config.nodesDir, (pkg, error) => console.error(`community package ${pkg} failed to load: ${error}`)).refresh(true);
  }
  const evaluator = createExpressionEvaluator({ timeoutMs: config.expressionTimeoutMs, memoryLimitMb: config.sandboxMemoryMb });
  const codeRunner = createCodeRunner({ timeoutMs: config.codeTimeoutMs, memoryLimitMb: config.sandboxMemoryMb });
  const pythonRunner = sharedPythonRunner({ timeoutMs: config.codeTimeoutMs, memoryLimitMb: config.sandboxMemoryMb });
  const consoleOf = (node: string) => (level: string, args: unknown[]) => console.error(`[${node}] ${level}:`, ...args);
  const run = async (def: WorkflowDefinition, items: Item[] | undefined, mode: 'cli' | 'integrated' | 'manual', pinData?: Record<string, unknown[]>): Promise<RunResult> => {
    await loadNodeTypes(def.nodes);
    return executeWorkflow({
      definition: def, workflowId, executionId: 'cli', mode,
      ...(mode === 'integrated' ? { startNode: subWorkflowStartNode(def) } : {}),
      ...(pinData ? { pinData } : {}),
      nodeTypes: getNodeType, evaluator, triggerItems: items, timezone: config.timezone,
      env: config.allowEnvInExpressions ? (process.env as Record<string, string>) : undefined,
      credentials: async (node) => {
        throw new AppError('validation_failed', `Node '${node.name}' needs credentials, which ${verb} does not have; import the workflow and run it on the server`);
      },
      runCode: (ctx, code, options) => codeRunner.run({ ctx, code, mode: options.mode, itemIndex: options.itemIndex, onConsole: consoleOf(ctx.node.name) }),
      runPython: (ctx, request) => pythonRunner.run({ ...request, onConsole: consoleOf(ctx.node.name) }),
      subWorkflow: async ({ source, items: subItems }) => {
        if (!('definition' in source)) {
          throw new AppError('validation_failed', `${verb} has no stored workflows to call (workflow ${source.workflowId}); define the sub-workflow inline`);
        }
        return subWorkflowResult(await run(parseWorkflowJson(source.definition).definition, subItems, 'integrated'));
      },
      recorder: createMemoryRecorder(),
    });
  };
  return {
    run: (def, options) => run(def, options.triggerItems, options.mode, options.pinData),
    evaluator,
    dispose() {
      evaluator.dispose();
      codeRunner.dispose();
    },
  };
}

/** `eval '<expression>' [--input items.json]`: the value for the first input item, as JSON. */
export async function evalExpression(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { input: { type: 'string' } } });
  const [source] = positionals;
  if (!source) throw new AppError('validation_failed', "Usage: eval '{{ $json.a + 1 }}' [--input items.json]");
  const items = values.input ? toItems(await readJsonFile(values.input, 'the input items')) : [{ json: {} }];
  const config = loadConfig();
  const node = { id: 'eval', name: 'Eval', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
  const ctx: ExpressionContext = {
    node, inputItems: [items], source: [], itemIndex: 0, runIndex: 0,
    workflow: { id: 'eval', name: 'eval', active: false, nodes: [node], connections: {} },
    runData: {}, execution: { id: 'eval', mode: 'manual' }, vars: {},
    env: config.allowEnvInExpressions ? (process.env as Record<string, string>) : undefined,
    timezone: config.timezone,
  };
  const evaluator = createExpressionEvaluator({ timeoutMs: config.expressionTimeoutMs, memoryLimitMb: config.sandboxMemoryMb });
  try {
    // Accept both `{{ … }}` and n8n's stored form `={{ … }}`.
    const expression = source.startsWith('=') ? source : `=${source}`;
    console.log(JSON.stringify(evaluator.resolve(expression, ctx, { parameter: 'expression' }), null, 2) ?? 'undefined');
    return 0;
  } finally {
    evaluator.dispose();
  }
}
