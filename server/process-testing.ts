// For tests that run Weft as real processes (`weft start`, `weft worker`): start one and wait until
// it is ready, wait for one to exit, and a workflow whose steps take a while (so a kill or a stop
// lands mid-run).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve(import.meta.dirname, '..', 'bin', 'weft.js');

/** Starts `weft <verb>` with this environment; resolves once it logs that it is ready. */
export function startWeftProcess(verb: 'start' | 'worker', env: Record<string, string | undefined>, onStart?: (child: ChildProcess) => void): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, verb], { env: { ...process.env, LOG_LEVEL: 'info', ...env }, cwd: path.dirname(path.dirname(bin)) });
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
