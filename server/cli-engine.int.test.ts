// The engine verbs of the CLI, run as real processes: execute a workflow file, evaluate an expression.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'weft-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function weft(...args: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'weft.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: dir } });
}

/**
 * Runs `weft` with standard output a pipe that this test reads, as `weft … | jq` would. A `slow`
 * reader, like jq on a large document, reads nothing until the process has exited or 5 s passed.
 */
function weftPiped(args: string[], env: Record<string, string> = {}, slow = false): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'weft.js'), ...args], { cwd: root, env: { ...process.env, DATA_DIR: dir, ...env } });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => chunks.push(d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  if (slow) {
    child.stdout.pause();
    const resume = () => child.stdout.resume();
    setTimeout(resume, 5_000);
    child.once('exit', resume);
  }
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout: Buffer.concat(chunks).toString('utf8'), stderr })));
}

function file(name: string, value: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, JSON.stringify(value));
  return p;
}

const node = (name: string, type: string, x: number, parameters: object = {}, typeVersion = 1) =>
  ({ id: name, name, type: `n8n-nodes-base.${type}`, typeVersion, position: [x, 0], parameters });

describe('weft execute --file', () => {
  it('runs a workflow file with input items and prints n8n-shaped JSON', () => {
    const workflow = {
      name: 'Double', settings: { executionOrder: 'v1' },
      nodes: [node('Start', 'manualTrigger', 0), node('Double', 'code', 200, { jsCode: 'return $input.all().map(i => ({ json: { n: i.json.n * 2 } }));' }, 2)],
      connections: { Start: { main: [[{ node: 'Double', type: 'main', index: 0 }]] } },
    };
    const out = path.join(dir, 'result.json');
    const res = weft('execute', '--file', file('wf.json', workflow), '--input', file('items.json', [{ n: 1 }, { n: 20 }]), '--output', out);
    expect(res.status, res.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result).toMatchObject({ status: 'success', mode: 'cli', data: { resultData: { lastNodeExecuted: 'Double' } } });
    expect(result.data.resultData.runData.Double[0].data.main[0].map((i: { json: unknown }) => i.json)).toEqual([{ n: 2 }, { n: 40 }]);
  });

  it('exits non-zero when the run fails, and still prints the result', () => {
    const workflow = {
      name: 'Fails', settings: { executionOrder: 'v1' },
      nodes: [node('Start', 'manualTrigger', 0), node('Boom', 'stopAndError', 200, { errorMessage: 'it broke' })],
      connections: { Start: { main: [[{ node: 'Boom', type: 'main', index: 0 }]] } },
    };
    const res = weft('execute', '--file', file('fail.json', workflow));
    expect(res.status).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ status: 'error', data: { resultData: { error: { message: 'it broke' } } } });
  });

  it('prints a result of about 10 MB in full when its output is a pipe', async () => {
    const count = 16_000;
    const workflow = {
      name: 'Big', settings: { executionOrder: 'v1' },
      nodes: [node('Start', 'manualTrigger', 0), node('Many', 'code', 200, { jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { i, pad: 'x'.repeat(400) } }));` }, 2)],
      connections: { Start: { main: [[{ node: 'Many', type: 'main', index: 0 }]] } },
    };
    const res = await weftPiped(['execute', '--file', file('big.json', workflow)]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout.length).toBeGreaterThan(10_000_000);
    const items = JSON.parse(res.stdout).data.resultData.runData.Many[0].data.main[0] as { json: { i: number; pad: string } }[];
    expect(items.map((item) => item.json.i)).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(items.every((item) => item.json.pad.length === 400)).toBe(true);
  }, 120_000);

  it('reports an unreadable file clearly', () => {
    const res = weft('execute', '--file', path.join(dir, 'missing.json'));
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('Cannot read the workflow');
  });
});

describe('weft eval', () => {
  it('prints the value of an expression for the first input item', () => {
    const items = file('eval.json', [{ a: 41, tags: ['x', 'y', 'x'] }]);
    expect(JSON.parse(weft('eval', '{{ $json.a + 1 }}', '--input', items).stdout)).toBe(42);
    expect(JSON.parse(weft('eval', '={{ $json.tags.unique() }}', '--input', items).stdout)).toEqual(['x', 'y']);
    expect(JSON.parse(weft('eval', 'a={{ $json.a }}', '--input', items).stdout)).toBe('a=41');
    const bad = weft('eval', '{{ $("Missing").item.json.a }}', '--input', items);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Referenced node doesn't exist");
  });
});

describe('weft import, list, export', () => {
  it('round-trips an n8n export through the data dir', () => {
    const fixture = path.join(root, 'server', 'fixtures', 'n8n-export.json');
    const imported = weft('import', '--input', fixture);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('imported Xk3mP9qR2sT5vW8y  Lead routing');
    expect(weft('list').stdout).toContain('Xk3mP9qR2sT5vW8y  inactive  Lead routing');
    const exported = JSON.parse(weft('export', '--id', 'Xk3mP9qR2sT5vW8y').stdout);
    const original = JSON.parse(readFileSync(fixture, 'utf8'));
    for (const key of ['name', 'nodes', 'connections', 'settings', 'pinData']) expect(exported[key], key).toEqual(original[key]);
    const bad = weft('import', '--input', file('bad.json', { name: 'x', nodes: [{ name: 'a' }] }));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('nodes.0.type');
  });
});

describe('weft export --all', () => {
  it('prints every workflow to a slow reader: more than one page, more than a pipe holds', async () => {
    const env = { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'weft-cli-many-')) };
    try {
      const count = 300;
      const many = Array.from({ length: count }, (_, i) => ({
        name: `Many ${i}`, settings: { executionOrder: 'v1' }, connections: {},
        nodes: [node('Start', 'manualTrigger', 0), node('Note', 'stickyNote', 200, { content: `workflow ${i} `.repeat(800) })],
      }));
      const imported = await weftPiped(['import', '--input', file('many.json', many)], env);
      expect(imported.status, imported.stderr).toBe(0);
      const res = await weftPiped(['export', '--all'], env, true);
      expect(res.status, res.stderr).toBe(0);
      expect(res.stdout.length).toBeGreaterThan(2_000_000);
      const names = (JSON.parse(res.stdout) as { name: string }[]).map((w) => w.name).sort();
      expect(names).toEqual(many.map((w) => w.name).sort());
    } finally {
      rmSync(env.DATA_DIR, { recursive: true, force: true });
    }
  }, 120_000);
});
