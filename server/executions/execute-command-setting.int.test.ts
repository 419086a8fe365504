// EXECUTE_COMMAND_ENABLED end to end: a real server (its execution thread, as deployed) refuses the
// Execute Command node by default with a message saying how to enable it, and runs it when enabled.
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const workflow = {
  name: 'Shell',
  nodes: [
    { id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: '2', name: 'Execute Command', type: 'n8n-nodes-base.executeCommand', typeVersion: 1, position: [200, 0], parameters: { command: 'echo from-the-host' } },
  ],
  connections: { Start: { main: [[{ node: 'Execute Command', type: 'main', index: 0 }]] } },
};

const runtimes: TestRuntime[] = [];
afterAll(() => Promise.all(runtimes.map((rt) => rt.dispose())));

async function runOn(env: Record<string, string>) {
  const rt = await startTestRuntime(env);
  runtimes.push(rt);
  const api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
  const created = await api.post('/api/v1/workflows').send(workflow);
  expect(created.status, created.text).toBe(201);
  const run = await api.post(`/api/v1/workflows/${created.body.id}/run`).query({ wait: 'true' }).send({});
  expect(run.status, run.text).toBe(201);
  return run.body;
}

describe('EXECUTE_COMMAND_ENABLED', () => {
  it('defaults to false', () => {
    expect(loadConfig({}).executeCommandEnabled).toBe(false);
    expect(loadConfig({ EXECUTE_COMMAND_ENABLED: 'true' }).executeCommandEnabled).toBe(true);
  });

  it('off: the node fails and says how to enable it', async () => {
    const run = await runOn({});
    expect(run.status).toBe('error');
    expect(run.data.resultData.error).toMatchObject({
      message: 'The Execute Command node is disabled on this server',
      description: expect.stringContaining('EXECUTE_COMMAND_ENABLED=true'),
    });
  });

  it('on: the node runs the command on the host', async () => {
    const run = await runOn({ EXECUTE_COMMAND_ENABLED: 'true' });
    expect(run.status, JSON.stringify(run.data.resultData.error)).toBe('success');
    expect(run.data.resultData.runData['Execute Command'][0].data.main[0][0].json).toEqual({ exitCode: 0, stderr: '', stdout: 'from-the-host' });
  });
});
