// AI evaluations end to end on a real server: a data table dataset, a workflow of Evaluation Trigger →
// Code → Check If Evaluating → Set Outputs → Set Metrics (string similarity, categorization, and
// correctness judged by a model: a local stand-in of OpenAI's chat completions API), run through the
// REST API; per-row metrics, averages, the revision, the recorded runs and the judge's requests.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../auth/identity-service.ts';
import { startLlmStandIn, type LlmStandIn } from '../../nodes/index.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

let server: TestServer;
let llm: LlmStandIn;
let credentialId = '';
let outsiderKey = '';

const api = async (method: string, path: string, body?: unknown, key = TEST_OWNER.apiKey) => {
  const res = await fetch(`${server.url}${path}`, { method, headers: { 'x-api-key': key, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
};

beforeAll(async () => {
  [server, llm] = await Promise.all([startTestServer(), startLlmStandIn()]);
  const credential = await api('POST', '/api/v1/credentials', { name: 'Judge', type: 'openAiApi', data: { apiKey: llm.apiKey, url: llm.openAiUrl } });
  expect(credential.status).toBe(201);
  credentialId = credential.body.id;
  const ctx = SYSTEM_CONTEXT(randomUUID());
  const user = await server.runtime.identity.register({ email: 'eval-outsider@example.com', name: 'Outsider', password: 'another long password' }, ctx);
  const workspace = await server.runtime.workspaces.create('Elsewhere', { userId: user.id, email: user.email, name: user.name, instanceRole: user.instanceRole }, ctx);
  outsiderKey = (await server.runtime.identity.createApiKey(user.id, workspace.id, 'test', ctx)).key;
}, 120_000);
afterAll(async () => {
  await Promise.all([server?.close(), llm?.close()]);
}, 60_000);

const TRIGGER = 'When fetching a dataset row';
const node = (name: string, type: string, typeVersion: number, parameters: object, extra: object = {}) => ({ id: randomUUID(), name, type, typeVersion, position: [0, 0], parameters, ...extra });
const main = (to: string, index = 0) => ({ main: [...Array.from({ length: index }, () => []), [{ node: to, type: 'main', index: 0 }]] });
const metric = (name: string, metricType: string, extra: object = {}) => node(name, 'n8n-nodes-base.evaluation', 4.8, {
  operation: 'setMetrics', metric: metricType,
  expectedAnswer: `={{ $('${TRIGGER}').item.json.expected }}`, actualAnswer: "={{ $('Answer').item.json.answer }}", ...extra,
});

function evaluatedWorkflow(tableId: string) {
  return {
    name: `Evaluated ${randomUUID().slice(0, 6)}`,
    settings: { executionOrder: 'v1' },
    nodes: [
      node(TRIGGER, 'n8n-nodes-base.evaluationTrigger', 4.7, { source: 'dataTable', dataTableId: { __rl: true, mode: 'id', value: tableId } }),
      node('Answer', 'n8n-nodes-base.code', 2, { jsCode: 'return $input.all().map((i) => ({ json: { answer: i.json.question.toUpperCase() } }));' }),
      node('Evaluating?', 'n8n-nodes-base.evaluation', 4.8, { operation: 'checkIfEvaluating' }),
      node('Record answer', 'n8n-nodes-base.evaluation', 4.8, { operation: 'setOutputs', source: 'dataTable', dataTableId: { __rl: true, mode: 'id', value: tableId }, outputs: { values: [{ outputName: 'answer', outputValue: '={{ $json.answer }}' }] } }),
      metric('Similarity', 'stringSimilarity'),
      metric('Exact', 'categorization'),
      metric('Judge', 'correctness'),
      node('Judge model', '@n8n/n8n-nodes-langchain.lmChatOpenAi', 1.2, { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: { maxRetries: 0 } }, { credentials: { openAiApi: { id: credentialId, name: 'Judge' } } }),
    ],
    connections: {
      [TRIGGER]: main('Answer'), Answer: main('Evaluating?'), 'Evaluating?': main('Record answer'),
      'Record answer': main('Similarity'), Similarity: main('Exact'), Exact: main('Judge'),
      'Judge model': { ai_languageModel: [[{ node: 'Judge', type: 'ai_languageModel', index: 0 }]] },
    },
  };
}

async function dataset(rows: Array<{ question: string; expected: string }>): Promise<string> {
  const table = await api('POST', '/api/v1/data-tables', { name: `qa-${randomUUID().slice(0, 8)}`, columns: [{ name: 'question', type: 'string' }, { name: 'expected', type: 'string' }, { name: 'answer', type: 'string' }] });
  expect(table.status, JSON.stringify(table.body)).toBe(201);
  if (rows.length > 0) expect((await api('POST', `/api/v1/data-tables/${table.body.id}/rows`, { rows })).status).toBe(201);
  return table.body.id;
}

async function finished(workflowId: string, runId: string): Promise<any> {
  for (let i = 0; i < 300; i++) {
    const run = await api('GET', `/api/v1/workflows/${workflowId}/evaluations/${runId}`);
    expect(run.status).toBe(200);
    if (run.body.status !== 'running') return run.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the evaluation did not finish');
}

const judged = (score: number) => ({ json: { extended_reasoning: 'Compared the two answers.', reasoning_summary: `Scored ${score}.`, score } });

describe('evaluation runs', () => {
  it('runs the workflow once per dataset row, records each row’s metrics and the averages per revision', async () => {
    const tableId = await dataset([{ question: 'abc', expected: 'ABC' }, { question: 'hello', expected: 'HELLO!' }, { question: 'xy', expected: 'XZ' }]);
    const created = await api('POST', '/api/v1/workflows', evaluatedWorkflow(tableId));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    const revision = (await api('GET', `/api/v1/workflows/${id}`)).body.revision;
    llm.reset();
    llm.script(judged(5), judged(3), judged(1));

    const started = await api('POST', `/api/v1/workflows/${id}/evaluations`);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', rowCount: 3, revision });
    const run = await finished(id, started.body.id);

    expect(run.status).toBe('completed');
    expect(run.rowsDone).toBe(3);
    expect(run.rowsFailed).toBe(0);
    expect(run.rows.map((r: any) => r.status)).toEqual(['success', 'success', 'success']);
    expect(run.rows.map((r: any) => r.outputs)).toEqual([{ answer: 'ABC' }, { answer: 'HELLO' }, { answer: 'XY' }]);
    // Set Outputs wrote each answer back to its dataset row.
    const stored = await api('GET', `/api/v1/data-tables/${tableId}/rows`);
    expect(stored.body.data.map((r: any) => [r.question, r.answer])).toEqual([['abc', 'ABC'], ['hello', 'HELLO'], ['xy', 'XY']]);
    const metrics = run.rows.map((r: any) => r.metrics);
    expect(metrics[0]).toEqual({ 'String similarity': 1, Categorization: 1, Correctness: 5 });
    expect(metrics[1]['String similarity']).toBeCloseTo(5 / 6);
    expect(metrics[1]).toMatchObject({ Categorization: 0, Correctness: 3 });
    expect(metrics[2]).toEqual({ 'String similarity': 0.5, Categorization: 0, Correctness: 1 });
    expect(run.metrics['String similarity']).toBeCloseTo((1 + 5 / 6 + 0.5) / 3);
    expect(run.metrics.Categorization).toBeCloseTo(1 / 3);
    expect(run.metrics.Correctness).toBe(3);

    // Each row is a recorded run of its own, in evaluation mode.
    const execution = await api('GET', `/api/v1/executions/${run.rows[1].executionId}`);
    expect(execution.status).toBe(200);
    expect(execution.body.mode).toBe('evaluation');

    // The judge got one chat completion per row, with the node's credential, the answer and the reference.
    const calls = llm.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(calls).toHaveLength(3);
    expect(calls[1].headers.authorization).toBe(`Bearer ${llm.apiKey}`);
    expect((calls[1].body as any).model).toBe('gpt-4o-mini');
    const [system, user] = llm.chatCalls[1].messages;
    expect(system.role).toBe('system');
    expect(system.content).toContain('reference answer');
    expect(user.content).toContain('HELLO');
    expect(user.content).toContain('HELLO!');
    expect(llm.pending).toBe(0);

    // The list shows the run with its scores and the revision it evaluated.
    const list = await api('GET', `/api/v1/workflows/${id}/evaluations`);
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ id: run.id, revision, status: 'completed', rowCount: 3 });
    expect(list.body.data[0].rows).toBeUndefined();

    // Run by hand, the trigger outputs the first row and Check If Evaluating takes the 'Normal' branch.
    const manual = await api('POST', `/api/v1/workflows/${id}/run?wait=true`, {});
    expect(manual.status, JSON.stringify(manual.body)).toBe(201);
    const runData = manual.body.data.resultData.runData;
    expect(runData[TRIGGER][0].data.main[0].map((i: any) => [i.json.question, i.json._rowsLeft])).toEqual([['abc', 2]]);
    expect(runData['Evaluating?'][0].data.main.map((items: unknown[]) => items.length)).toEqual([0, 1]);
    expect(runData['Record answer']).toBeUndefined();
  }, 120_000);

  it('marks a row whose run fails, and averages only the rows that scored', async () => {
    const tableId = await dataset([{ question: 'ok', expected: 'OK' }, { question: '', expected: 'X' }]);
    const wf = evaluatedWorkflow(tableId);
    wf.nodes = wf.nodes.filter((n) => n.name !== 'Judge' && n.name !== 'Judge model');
    delete (wf.connections as Record<string, unknown>).Exact;
    delete (wf.connections as Record<string, unknown>)['Judge model'];
    const id = (await api('POST', '/api/v1/workflows', wf)).body.id;
    const run = await finished(id, (await api('POST', `/api/v1/workflows/${id}/evaluations`)).body.id);
    expect(run.status).toBe('completed');
    expect(run.rows.map((r: any) => r.status)).toEqual(['success', 'error']);
    expect(run.rows[1].error).toContain('Actual answer is missing');
    expect(run.rowsFailed).toBe(1);
    expect(run.metrics).toEqual({ 'String similarity': 1, Categorization: 1 });
  }, 120_000);

  it('refuses a workflow without an Evaluation Trigger or without rows, and other workspaces', async () => {
    const plain = await api('POST', '/api/v1/workflows', { name: 'Plain', nodes: [node('Start', 'n8n-nodes-base.manualTrigger', 1, {})], connections: {} });
    const noTrigger = await api('POST', `/api/v1/workflows/${plain.body.id}/evaluations`);
    expect(noTrigger.status).toBe(400);
    expect(noTrigger.body.message).toContain('Evaluation Trigger');

    const empty = await api('POST', '/api/v1/workflows', evaluatedWorkflow(await dataset([])));
    expect(empty.status).toBe(201);
    const noRows = await api('POST', `/api/v1/workflows/${empty.body.id}/evaluations`);
    expect(noRows.status).toBe(400);
    expect(noRows.body.message).toContain('no rows');
    expect((await api('GET', `/api/v1/workflows/${empty.body.id}/evaluations`)).body.data).toEqual([]);

    const missing = await api('POST', '/api/v1/workflows', evaluatedWorkflow('nosuchtable'));
    const noTable = await api('POST', `/api/v1/workflows/${missing.body.id}/evaluations`);
    expect(noTable.status).toBe(400);
    expect(noTable.body.message).toContain("No data table with id 'nosuchtable'");

    expect((await api('POST', `/api/v1/workflows/${empty.body.id}/evaluations`, undefined, outsiderKey)).status).toBe(404);
    expect((await api('GET', `/api/v1/workflows/${empty.body.id}/evaluations`, undefined, outsiderKey)).status).toBe(404);
    expect((await api('GET', `/api/v1/workflows/${empty.body.id}/evaluations/nosuchrun`)).status).toBe(404);
  }, 60_000);
});
