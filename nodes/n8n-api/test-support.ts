// For the n8n-api tests: installs real community packages from npm with the CLI into a cached data
// folder (npm's own cache makes reruns fast), and runs a workflow on the real engine with the registry.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { createCodeRunner, createExpressionEvaluator, createMemoryRecorder, executeWorkflow, type Item, type RunResult } from '../../engine/index.ts';
import { getNodeType, loadNodeTypes } from '../index.ts';

/**
 * Installs `specs` (name@version) the way users do, with `weft nodes install` (npm without scripts
 * or peers: n8n-workflow is ours) into a data folder cached per list; returns its packages folder.
 */
export function installPackages(specs: string[]): string {
  const dataDir = join(tmpdir(), `weft-n8n-packages-cli-${createHash('sha256').update(specs.join(' ')).digest('hex').slice(0, 12)}`);
  const nodes = join(dataDir, 'nodes');
  if (existsSync(join(dataDir, 'installed.ok'))) return nodes;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const weft = join(fileURLToPath(new URL('../../bin/weft.js', import.meta.url)));
  for (const spec of specs) {
    const done = spawnSync(process.execPath, [weft, 'nodes', 'install', spec], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' } });
    if (done.status !== 0) throw new Error(`weft nodes install ${spec} failed (${done.status}): ${done.stderr}`);
  }
  writeFileSync(join(dataDir, 'installed.ok'), specs.join('\n'));
  return nodes;
}

/**
 * Installs `specs` with npm alone, for tests that take single node files out of a package whose
 * whole does not load (n8n-nodes-starter@0.1.0 names a credential file it does not ship).
 */
export function installWithNpm(specs: string[]): string {
  const dir = join(tmpdir(), `weft-n8n-packages-${createHash('sha256').update(specs.join(' ')).digest('hex').slice(0, 12)}`);
  if (existsSync(join(dir, 'installed.ok'))) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'weft-n8n-test-packages', version: '1.0.0', private: true }));
  const done = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', '--omit=peer', '--loglevel=error', ...specs], { cwd: dir, encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`npm install failed: ${done.stderr}`);
  writeFileSync(join(dir, 'installed.ok'), specs.join('\n'));
  return dir;
}

export interface TestNode {
  name: string;
  type: string;
  typeVersion?: number;
  parameters?: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
  continueOnFail?: boolean;
}

/** Runs Start (manual trigger, its output pinned to `items` when given) → the given nodes in a chain. */
export async function runChain(nodes: TestNode[], options: { items?: Item[]; credentials?: Record<string, Record<string, unknown>>; filesAllowedDirs?: string[]; resume?: { url: string; secret: string } } = {}): Promise<RunResult> {
  const all = [{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }, ...nodes];
  const connections: Record<string, unknown> = {};
  for (let i = 1; i < all.length; i++) connections[all[i - 1].name] = { main: [[{ node: all[i].name, type: 'main', index: 0 }]] };
  const definition = parseWorkflowDefinition({
    name: 'n8n community node test',
    nodes: all.map((n, i) => ({ id: `n${i}`, typeVersion: 1, parameters: {}, ...n, position: [i * 200, 0] })),
    connections,
  });
  const evaluator = createExpressionEvaluator();
  const codeRunner = createCodeRunner();
  try {
    await loadNodeTypes(definition.nodes);
    return await executeWorkflow({
      definition, workflowId: 'wf-n8n', executionId: 'exec-n8n', mode: 'manual', nodeTypes: getNodeType, evaluator, timezone: 'UTC',
      ...(options.items ? { pinData: { Start: options.items } } : {}),
      ...(options.filesAllowedDirs ? { filesAllowedDirs: options.filesAllowedDirs } : {}),
      ...(options.resume ? { resumeUrl: options.resume.url, resumeUrlSecret: options.resume.secret } : {}),
      credentials: async (_node, type) => {
        const data = options.credentials?.[type];
        if (!data) throw new Error(`No credential of type '${type}' in this test`);
        return data;
      },
      recorder: createMemoryRecorder(),
      runCode: (ctx, code, o) => codeRunner.run({ ctx, code, mode: o.mode, itemIndex: o.itemIndex }),
    });
  } finally {
    evaluator.dispose();
    codeRunner.dispose();
  }
}

/** The items a node put on output 0 in its (first) run. */
export function outputOf(result: RunResult, node: string): Item[] {
  return result.data.resultData.runData[node]?.[0]?.data?.main[0] ?? [];
}
