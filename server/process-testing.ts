// For tests that run Weft as real processes (`weft start`, `weft worker`): start one and wait until
// it is ready, wait for one to exit, and a workflow whose steps take a while (so a kill or a stop
// lands mid-run).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from './project-root.ts';

const bin = path.join(PROJECT_ROOT, 'bin', 'weft.js');

/** Starts `weft <verb>` with this environment; resolves once it logs that it is ready. */
export function startWeftProcess(verb: 'start' | 'worker', env: Record<string, string | undefined>, onStart?: (child: ChildProcess) => void): Promise<ChildProcess> {
  // BENCH_NODE_ARGS passes node flags to the child (e.g. --cpu-prof --cpu-prof-dir=/tmp/p to profile a bench's server).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, bin, verb], { env: { ...process.env, LOG_LEVEL: 'info', ...env }, cwd: path.dirname(path.dirname(bin)) });
  onStart?.(child);
  let output = '';
  const ready = verb === 'start' ? 'listening on' : 'worker started';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${verb} did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d;
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (output += d));
    child.once('exit', (code) => reject(new Error(`${verb} exited with ${code}:\n${output}`)));
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** Manual Trigger → `steps` Code nodes that each spin for `ms` and output `{step: i}`. */
export function slowCodeChain(steps: number, ms: number) {
  const nodes: object[] = [{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
  const connections: Record<string, object> = {};
  let previous = 'Start';
  for (let i = 1; i <= steps; i++) {
    const name = `Step ${i}`;
    nodes.push({
      id: `n${i}`, name, type: 'n8n-nodes-base.code', typeVersion: 2, position: [i * 200, 0],
      parameters: { jsCode: `const end = Date.now() + ${ms}; while (Date.now() < end) {} return [{ json: { step: ${i} } }];` },
    });
    connections[previous] = { main: [[{ node: name, type: 'main', index: 0 }]] };
    previous = name;
  }
  return { name: `Chain ${steps}x${ms}`, settings: { executionOrder: 'v1' }, nodes, connections };
}

/**
 * The workflow of the data-scale figures: a trigger → Code making N items `{i, name, group}` (N
 * from the webhook body's `n`, or the trigger item's `n`) → Edit Fields with three expressions →
 * IF `g > 3` → Code counting what arrives. `expectedScaleCount(n)` is its answer.
 */
export function scaleWorkflow(trigger: 'webhook' | 'manual', path = 'scale') {
  const triggerNode = trigger === 'webhook'
    ? { id: 't', name: 'Trigger', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `scale-${path}`, parameters: { path, httpMethod: 'POST', responseMode: 'lastNode', options: {} } }
    : { id: 't', name: 'Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
  const node = (id: string, name: string, type: string, typeVersion: number, x: number, parameters: object) => ({ id, name, type, typeVersion, position: [x, 0], parameters });
  const nodes = [
    triggerNode,
    node('c', 'Make items', 'n8n-nodes-base.code', 2, 200, {
      jsCode: 'const src = $input.first().json;\nconst n = Number(src.body?.n ?? src.n);\nreturn Array.from({ length: n }, (_, i) => ({ json: { i, name: `item ${i}`, group: i % 7 } }));',
    }),
    node('s', 'Edit Fields', 'n8n-nodes-base.set', 3.4, 400, {
      assignments: { assignments: [
        { id: 'a', name: 'd', value: '={{ $json.i * 2 }}', type: 'number' },
        { id: 'b', name: 'n', value: '={{ $json.name.toUpperCase() }}', type: 'string' },
        { id: 'c', name: 'g', value: '={{ $json.group }}', type: 'number' },
      ] },
      options: {},
    }),
    node('f', 'If', 'n8n-nodes-base.if', 2, 600, {
      conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' }, combinator: 'and', conditions: [{ id: 'x', leftValue: '={{ $json.g }}', rightValue: 3, operator: { type: 'number', operation: 'gt' } }] },
      options: {},
    }),
    node('k', 'Count', 'n8n-nodes-base.code', 2, 800, { jsCode: 'return [{ json: { count: $input.all().length } }];' }),
  ];
  const next = (from: string, to: string) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });
  return {
    name: `Scale (${trigger})`, settings: { executionOrder: 'v1' }, nodes,
    connections: { ...next('Trigger', 'Make items'), ...next('Make items', 'Edit Fields'), ...next('Edit Fields', 'If'), ...next('If', 'Count') },
  };
}

/** How many of `n` scale items pass the IF (groups 4, 5 and 6 of 0..6). */
export function expectedScaleCount(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (i % 7 > 3) count++;
  return count;
}
