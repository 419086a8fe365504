// A workflow file's `tests` key travels with the workflow: REST import and `weft import` keep the
// cases as the new workflow's tests (checked whole before anything is written), and both exports
// write them back, so the exported file runs under `weft test` as it is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

const tests = [
  {
    id: 'greets-ada', name: 'greets Ada',
    input: { pinData: { Start: [{ json: { name: 'Ada' } }] } },
    expectations: [{ kind: 'equals', node: 'Greet', item: 0, value: { name: 'Ada', greeting: 'Hello Ada' } }],
  },
  { id: 'has-greeting', name: 'has a greeting', input: {}, expectations: [{ kind: 'expression', node: 'Greet', expression: '{{ $json.greeting.startsWith("Hello") }}' }] },
];

function workflowFile(name: string, withTests: unknown = tests) {
  return {
    name,
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      {
        id: '2', name: 'Greet', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0],
        parameters: { assignments: { assignments: [{ id: 'a', name: 'greeting', value: '=Hello {{ $json.name }}', type: 'string' }] }, includeOtherFields: true, options: {} },
      },
    ],
    connections: { Start: { main: [[{ node: 'Greet', type: 'main', index: 0 }]] } },
    pinData: { Start: [{ json: { name: 'Bob' } }] },
    tests: withTests,
  };
}

describe('REST import and export', () => {
  let rt: TestRuntime;
  let api: ReturnType<typeof request.agent>;
  beforeAll(async () => {
    rt = await startTestRuntime();
    api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
  }, 60_000);
  afterAll(() => rt?.dispose());

  const count = async () => (await api.get('/api/v1/workflows').query({ limit: 250 })).body.data.length as number;

  it('keeps the cases as the new workflow’s tests, runs them, and exports them back', async () => {
    const imported = await api.post('/api/v1/workflows/import').send(workflowFile('With tests'));
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body.warnings).toEqual([]);
    const id = imported.body.imported[0].id as string;

    const listed = await api.get(`/api/v1/workflows/${id}/tests`);
    expect(listed.status, listed.text).toBe(200);
    const cases = Array.isArray(listed.body) ? listed.body : listed.body.data;
    expect(cases.map((t: { id: string; name: string }) => [t.id, t.name])).toEqual([['greets-ada', 'greets Ada'], ['has-greeting', 'has a greeting']]);

    const ran = await api.post(`/api/v1/workflows/${id}/tests/run`).send({});
    expect(ran.status, ran.text).toBe(200);
    expect([ran.body.passed, ran.body.failed]).toEqual([2, 0]);

    const exported = await api.get(`/api/v1/workflows/${id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.tests).toEqual(tests);
    // The definition holds no `tests`: they are the workflow's test cases, not part of its JSON.
    expect((await api.get(`/api/v1/workflows/${id}`)).body.tests).toBeUndefined();

    // A workflow without tests exports without the key.
    const plain = await api.post('/api/v1/workflows/import').send(workflowFile('Without tests', null));
    expect((await api.get(`/api/v1/workflows/${plain.body.imported[0].id}/export`)).body).not.toHaveProperty('tests');
  });

  it('refuses bad cases with a 400 naming them, and imports nothing of the batch', async () => {
    const before = await count();
    const badKind = await api.post('/api/v1/workflows/import').send([workflowFile('Fine'), workflowFile('Bad', [{ name: 'x', expectations: [{ kind: 'nope', node: 'Greet' }] }])]);
    expect(badKind.status).toBe(400);
    expect(badKind.body.details.map((d: { path: string }) => d.path)).toContain('1.tests.0.expectations.0.kind');

    const notArray = await api.post('/api/v1/workflows/import').send(workflowFile('Bad', { name: 'x' }));
    expect(notArray.status).toBe(400);
    expect(notArray.body.details).toEqual([{ path: 'tests', message: 'must be an array' }]);

    const twice = await api.post('/api/v1/workflows/import').send(workflowFile('Bad', [{ name: 'same' }, { name: 'same' }]));
    expect(twice.status).toBe(400);
    expect(twice.body.details).toEqual([{ path: 'tests.1.name', message: 'duplicate test name' }]);
    expect(await count()).toBe(before);
  });
});

describe('weft import and export', () => {
  it('round-trips the cases through the data dir, and the exported file passes weft test', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weft-file-tests-'));
    const weft = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin', 'weft.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: dir } });
    try {
      const input = path.join(dir, 'in.json');
      writeFileSync(input, JSON.stringify({ id: 'FileTests0000001', ...workflowFile('CLI tests') }));
      const imported = weft('import', '--input', input);
      expect(imported.status, imported.stderr).toBe(0);
      const output = path.join(dir, 'out.json');
      const exported = weft('export', '--id', 'FileTests0000001', '--output', output);
      expect(exported.status, exported.stderr).toBe(0);
      const tested = weft('test', output);
      expect(tested.status, tested.stdout + tested.stderr).toBe(0);
      expect(tested.stdout).toContain('greets Ada');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
