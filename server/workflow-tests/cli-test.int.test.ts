// `weft test` as a real process: workflow files and folders on the local engine, and a stored
// workflow on a running instance; exit codes, and the JUnit report read back as XML.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStringPromise } from 'xml2js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { totalsWorkflow } from './test-fixtures.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'weft-cli-test-'));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Async, so the server this process hosts keeps answering while the CLI calls it. */
function weft(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'weft.js'), ...args], { cwd: root, env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

const good = { name: 'sums', input: { triggerItems: [{ a: 2, b: 3 }] }, expectations: [{ node: 'Total', kind: 'equals', item: 0, value: { total: 5 } }] };
const bad = { name: 'wrong', input: { triggerItems: [{ a: 1, b: 1 }] }, expectations: [{ node: 'Total', kind: 'expression', expression: '{{ $json.total > 3 }}' }] };

function writeWorkflow(file: string, name: string, tests: unknown[]): string {
  writeFileSync(file, JSON.stringify({ ...totalsWorkflow(name), tests }));
  return file;
}

interface JUnitXml { testsuites: { testsuite: { $: { name: string }; testcase: { $: { name: string }; failure?: { $: { message: string }; _: string }[] }[] }[] } }

describe('weft test', () => {
  it('runs a workflow file whose tests pass, and exits 0', async () => {
    const file = writeWorkflow(path.join(dir, 'pass.json'), 'Passing', [good]);
    const junit = path.join(dir, 'pass.xml');
    const run = await weft(['test', file, '--junit', junit]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('PASS  sums');
    const xml = await parseStringPromise(readFileSync(junit, 'utf8')) as JUnitXml;
    const [suite] = xml.testsuites.testsuite;
    expect(suite.$.name).toBe('Passing');
    expect(suite.testcase.map((c) => [c.$.name, c.failure])).toEqual([['sums', undefined]]);
  });

  it('runs a folder of workflow files, exits 1 on a failure and reports it in JUnit', async () => {
    const folder = path.join(dir, 'suite');
    mkdirSync(folder);
    writeWorkflow(path.join(folder, 'a.json'), 'A', [good]);
    writeWorkflow(path.join(folder, 'b.json'), 'B', [good, bad]);
    writeFileSync(path.join(folder, 'notes.txt'), 'not a workflow');
    const junit = path.join(dir, 'suite.xml');
    const run = await weft(['test', folder, '--junit', junit]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('FAIL  wrong');
    expect(run.stdout).toContain('2 passed, 1 failed');
    const xml = await parseStringPromise(readFileSync(junit, 'utf8')) as JUnitXml;
    expect(xml.testsuites.testsuite.map((s) => s.$.name)).toEqual(['A', 'B']);
    const failure = xml.testsuites.testsuite[1].testcase[1].failure![0];
    expect(failure.$.message).toBe('1 expectation(s) failed');
    expect(failure._).toContain('Total expression');
    expect(failure._).toContain('actual:   {"total":2}');
  });

  it('exits 2 on a file with an invalid test case, saying where', async () => {
    const file = writeWorkflow(path.join(dir, 'invalid.json'), 'Invalid', [{ name: 'x', expectations: [{ node: 'Total', kind: 'nearly' }] }]);
    const run = await weft(['test', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('tests.0.expectations.0.kind');
  });

  it('runs a stored workflow on a running instance by id', async () => {
    const headers = { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' };
    const created = await fetch(`${server.url}/api/v1/workflows`, { method: 'POST', headers, body: JSON.stringify(totalsWorkflow('Stored')) });
    const { id } = await created.json() as { id: string };
    for (const c of [good, bad]) expect((await fetch(`${server.url}/api/v1/workflows/${id}/tests`, { method: 'POST', headers, body: JSON.stringify(c) })).status).toBe(201);
    const junit = path.join(dir, 'remote.xml');
    const run = await weft(['test', id, '--url', server.url, '--api-key', TEST_OWNER.apiKey, '--junit', junit]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/PASS {2}sums {2}\(run [A-Za-z0-9_-]+\)/);
    const xml = await parseStringPromise(readFileSync(junit, 'utf8')) as JUnitXml;
    expect(xml.testsuites.testsuite[0].$.name).toBe('Stored');
    expect(xml.testsuites.testsuite[0].testcase.map((c) => Boolean(c.failure))).toEqual([false, true]);

  });

  it('refuses to call an instance without a valid API key', async () => {
    const [noKey, wrongKey] = await Promise.all([
      weft(['test', 'someid', '--url', server.url], { WEFT_API_KEY: '' }),
      weft(['test', 'someid', '--url', server.url, '--api-key', 'wk_nope']),
    ]);
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toContain('API key');
    expect(wrongKey.status).toBe(2);
    expect(wrongKey.stderr).toContain('401');
  });
});
