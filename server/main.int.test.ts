// End to end over real ports and real processes: start, serve, shut down gracefully on SIGTERM
// with a request in flight, restart with nothing lost, and the CLI's projection verbs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleWorkflow, TEST_OWNER } from './test-support.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'weft.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-e2e-'));
const port = 10_000 + Math.floor(Math.random() * 20_000); // below the ephemeral ports (32768+) outgoing connections take
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info',
  OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey,
};
const auth = { 'x-api-key': TEST_OWNER.apiKey };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startServer(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [bin, 'start'], { env, cwd: root });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', () => {
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function count(): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const res = await fetch(`${base}/api/v1/workflows?limit=250${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth });
    const body = (await res.json()) as { data: unknown[]; nextCursor: string | null };
    n += body.data.length;
    cursor = body.nextCursor;
  } while (cursor);
  return n;
}

describe('the server process', () => {
  it('finishes an in-flight request on SIGTERM, exits 0, and keeps every write across a restart', async () => {
    const first = await startServer();
    const batch = Array.from({ length: 150 }, (_, i) => sampleWorkflow(`Bulk ${i}`));
    const inFlight = fetch(`${base}/api/v1/workflows/import`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(batch),
    });
    await new Promise((r) => setTimeout(r, 30));
    first.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(201);
    expect(((await res.json()) as { imported: unknown[] }).imported).toHaveLength(150);
    expect(await exited(first.child)).toBe(0);
    expect(first.output()).toContain('stopped cleanly');

    const second = await startServer();
    expect(await count()).toBe(150);
    second.child.kill('SIGINT');
    expect(await exited(second.child)).toBe(0);
  });

  it('rebuilds a projection from the CLI, and the server serves the rebuilt read model', () => {
    const rebuild = spawnSync(process.execPath, [bin, 'projections', 'rebuild', 'workflows'], { env, cwd: root, encoding: 'utf8' });
    expect(rebuild.status, rebuild.stderr).toBe(0);
    expect(rebuild.stdout).toMatch(/workflows: rebuilt into workflows_v\d+_r\w+ up to position \d+/);
    const status = spawnSync(process.execPath, [bin, 'projections', 'status'], { env, cwd: root, encoding: 'utf8' });
    expect(status.stdout).toMatch(/workflows\s+v\d+\s+serving workflows_v\d+_r/);
    const unknown = spawnSync(process.execPath, [bin, 'projections', 'rebuild', 'nope'], { env, cwd: root, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown projection');
  });

  it('serves the rebuilt read model after a restart, and accepts a user and key made by the CLI', async () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, cwd: root, encoding: 'utf8' });
    const created = cli('users', 'create', '--email', 'cli@example.com', '--password', 'from the cli 1');
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('created member cli@example.com');
    const key = cli('apikey', 'create', '--email', 'cli@example.com', '--label', 'deploy').stdout.trim();
    expect(key).toMatch(/^wk_[A-Za-z0-9_-]{40,}$/);
    const server = await startServer();
    expect(await count()).toBe(150);
    const me = await fetch(`${base}/api/v1/me`, { headers: { 'x-api-key': key } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string; workspaces: { role: string }[] })).toMatchObject({ email: 'cli@example.com', workspaces: [{ role: 'editor' }] });
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
  });

  it('refuses a bad configuration with a message naming the variable', () => {
    const bad = spawnSync(process.execPath, [bin, 'start'], { env: { ...env, PORT: 'eighty' }, cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('PORT');
  });
});
