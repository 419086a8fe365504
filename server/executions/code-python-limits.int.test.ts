// The Code node's Python on the real server: it runs under the limits JavaScript's Code runs under
// (CODE_TIMEOUT_MS, SANDBOX_MEMORY_MB), an endless loop or a memory bomb fails the node with a clear
// error and leaves the server able to run Python again, and print() output is recorded in the run's
// history as CodeConsoleOutput, as console.log is for JavaScript.
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { executionStreamName } from '../../engine/index.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

let rt: TestRuntime;
let api: ReturnType<typeof request.agent>;

beforeAll(async () => {
  rt = await startTestRuntime({ CODE_TIMEOUT_MS: '4000', SANDBOX_MEMORY_MB: '160' });
  api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
});
afterAll(() => rt.dispose());

function workflow(pythonCode: string, language = 'python') {
  return {
    name: 'Python',
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: '2', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { language, pythonCode } },
    ],
    connections: { Start: { main: [[{ node: 'Code', type: 'main', index: 0 }]] } },
    pinData: { Start: [{ json: { name: 'Ada' } }, { json: { name: 'Bob' } }] },
  };
}

async function run(pythonCode: string, language?: string) {
  const created = await api.post('/api/v1/workflows').send(workflow(pythonCode, language));
  expect(created.status, created.text).toBe(201);
  const ran = await api.post(`/api/v1/workflows/${created.body.id}/run`).query({ wait: 'true' }).send({});
  expect(ran.status, ran.text).toBe(201);
  const stream = await rt.events.readStream(executionStreamName(ran.body.id));
  const console = stream.filter((e) => e.type === 'CodeConsoleOutput').map((e) => e.data as { node: string; level: string; args: unknown[] });
  return { body: ran.body, console, error: ran.body.data.resultData.error as { message: string } | undefined };
}

it('records what print() writes (stdout as log, stderr as error) in the run, with n8n’s documented example', async () => {
  // n8n's documented Python: loop over _input.all(), add a field, return the items.
  const code = [
    'import sys',
    'for item in _input.all():',
    '  item.json.myNewField = 1',
    '  print("name:", item.json.name)',
    'print("careful", file=sys.stderr)',
    'print("no newline", end="")',
    'return _input.all()',
  ].join('\n');
  const { body, console } = await run(code);
  expect(body.status).toBe('success');
  expect(body.data.resultData.runData.Code[0].data.main[0].map((i: { json: unknown }) => i.json)).toEqual([
    { name: 'Ada', myNewField: 1 }, { name: 'Bob', myNewField: 1 },
  ]);
  expect(console).toEqual([
    { node: 'Code', level: 'log', args: ['name: Ada'] },
    { node: 'Code', level: 'log', args: ['name: Bob'] },
    { node: 'Code', level: 'error', args: ['careful'] },
    { node: 'Code', level: 'log', args: ['no newline'] },
  ]);
}, 120_000);

it('stops an endless loop at CODE_TIMEOUT_MS, keeping what it printed, and the next run works', async () => {
  const started = Date.now();
  const loop = await run('print("looping")\nwhile True:\n  pass');
  expect(loop.body.status).toBe('error');
  expect(loop.error?.message).toBe('Code execution timed out after 4000 ms');
  expect(Date.now() - started).toBeLessThan(30_000);
  expect(loop.console.map((c) => c.args)).toEqual([['looping']]);

  const after = await run('return [{"json": {"ok": len(_items)}}]', 'pythonNative');
  expect(after.body.status).toBe('success');
  expect(after.body.data.resultData.runData.Code[0].data.main[0][0].json).toEqual({ ok: 2 });
}, 120_000);

it('fails a memory bomb at SANDBOX_MEMORY_MB, and the interpreter stays usable', async () => {
  const huge = await run("x = 'a' * 10**9\nreturn []");
  expect(huge.body.status).toBe('error');
  expect(huge.error?.message).toBe('Code ran out of memory (limit 160 MB)');
  // Past what a 32-bit interpreter can even address: Python's own error, at once.
  const past = await run("x = 'a' * 10**10\nreturn []");
  expect(past.error?.message).toBe("OverflowError: cannot fit 'int' into an index-sized integer [line 1]");

  const growing = await run('a = []\nwhile True:\n  a.append(bytearray(16 * 2**20))');
  expect(growing.body.status).toBe('error');
  expect(growing.error?.message).toBe('Code ran out of memory (limit 160 MB)');

  const after = await run('print(len(_input.all()))\nreturn _input.all()');
  expect(after.body.status).toBe('success');
  expect(after.console.map((c) => c.args)).toEqual([['2']]);
}, 120_000);
