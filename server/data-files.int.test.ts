// What Weft writes in DATA_DIR is readable by its own user only: a real server process and a CLI
// verb on fresh data folders, every file 0600 and every folder 0700 (SQLite's -wal/-shm too).
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, startWeftProcess } from './process-testing.ts';
import { sampleWorkflow, TEST_OWNER } from './test-support.ts';

const root = path.resolve(import.meta.dirname, '..');
const parent = mkdtempSync(path.join(tmpdir(), 'weft-modes-'));
const owner = { OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey };

afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** Every entry under `dir` (itself included) whose mode lets anyone but the owner in. */
function openEntries(dir: string): { entries: number; open: string[] } {
  let entries = 0;
  const open: string[] = [];
  const visit = (p: string) => {
    const info = lstatSync(p);
    entries++;
    const expected = info.isDirectory() ? 0o700 : 0o600;
    if ((info.mode & 0o777) !== expected) open.push(`${path.relative(dir, p) || '.'} ${(info.mode & 0o777).toString(8)}`);
    if (info.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
  return { entries, open };
}

async function call(base: string, method: string, urlPath: string, body?: unknown) {
  const res = await fetch(base + urlPath, {
    method, headers: { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${urlPath}: ${await res.clone().text()}`).toBeLessThan(300);
  return res.json() as Promise<Record<string, unknown>>;
}

/** A run whose output is over the inline limit, so the blob store writes a file too. */
const bigOutput = {
  ...sampleWorkflow('Big output'),
  nodes: [
    { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: 'c', name: 'Big', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: "return [{ json: { text: 'x'.repeat(20000) } }];" } },
  ],
  connections: { Start: { main: [[{ node: 'Big', type: 'main', index: 0 }]] } },
};

describe('files in DATA_DIR', () => {
  it('are created 0600 in 0700 folders by the server, and an older, open folder keeps working', async () => {
    const dataDir = path.join(parent, 'server-data');
    const port = 10_000 + Math.floor(Math.random() * 20_000); // below the ephemeral ports (32768+) outgoing connections take
    const base = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), DATA_DIR: dataDir, OUTPUT_INLINE_LIMIT_BYTES: '1024', ...owner };
    let child: ChildProcess = await startWeftProcess('start', env);
    try {
      await call(base, 'POST', '/api/v1/credentials', { name: 'Secret', type: 'httpHeaderAuth', data: { name: 'X-Key', value: 'hush' } });
      const { id } = await call(base, 'POST', '/api/v1/workflows', bigOutput);
      const run = await call(base, 'POST', `/api/v1/workflows/${String(id)}/run?wait=true`, {});
      expect(JSON.stringify(run)).toContain('success');
      // While the server runs, so SQLite's -wal and -shm files are there to be checked too.
      const { entries, open } = openEntries(dataDir);
      expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['events.sqlite', 'events.sqlite-wal', 'read-models.sqlite', 'vault.sqlite', 'master.key', 'blobs']));
      expect(readdirSync(path.join(dataDir, 'blobs')).length).toBeGreaterThan(0);
      expect(entries).toBeGreaterThan(8);
      expect(open).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
    // A folder from before this rule (world-readable) still opens, and the server still answers.
    chmodSync(dataDir, 0o755);
    for (const name of readdirSync(dataDir)) if (name.endsWith('.sqlite')) chmodSync(path.join(dataDir, name), 0o644);
    child = await startWeftProcess('start', env);
    try {
      const list = await call(base, 'GET', '/api/v1/workflows');
      expect((list.data as unknown[]).length).toBe(1);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  });

  it('are private when a CLI verb creates the data folder', () => {
    const dataDir = path.join(parent, 'cli-data', 'nested');
    const created = spawnSync(process.execPath, [path.join(root, 'bin', 'weft.js'), 'users', 'create', '--email', 'cli@example.com', '--password', 'long enough secret'], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, cwd: root, encoding: 'utf8',
    });
    expect(created.status, created.stderr).toBe(0);
    const { entries, open } = openEntries(path.join(parent, 'cli-data'));
    expect(entries).toBeGreaterThan(3);
    expect(open).toEqual([]);
  });
});
