// AI runs on a real runtime: a Basic LLM Chain with an OpenAI chat model (against a local stand-in
// of OpenAI's API) records its model call, adds its tokens and cost up per run and per workflow,
// and a re-run from the chain can reuse the recorded answer (no model called, no token spent) or
// ask the model again.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionStreamName } from '../../engine/index.ts';
import { startLlmStandIn, type LlmStandIn } from '../../nodes/index.ts';
import { AUDIT, type AuditDoc } from '../../projections/index.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

let rt: TestRuntime;
let llm: LlmStandIn;

beforeAll(async () => {
  [rt, llm] = await Promise.all([startTestRuntime(), startLlmStandIn()]);
});
afterAll(async () => {
  await Promise.all([rt.dispose(), llm.close()]);
});

const agent = () => request(rt.app.koa.callback());
const post = (p: string, body: object) => agent().post(p).set('X-API-KEY', TEST_OWNER.apiKey).send(body);
const get = (p: string) => agent().get(p).set('X-API-KEY', TEST_OWNER.apiKey);
const chatCalls = () => llm.requests.filter((r) => r.path === '/v1/chat/completions').length;

async function chainWorkflow(): Promise<string> {
  const credential = await post('/api/v1/credentials', { name: 'Stand-in OpenAI', type: 'openAiApi', data: { apiKey: llm.apiKey, url: llm.openAiUrl } });
  expect(credential.status, credential.text).toBe(201);
  const created = await post('/api/v1/workflows', {
    name: 'Ask the model',
    nodes: [
      { id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'b', name: 'Basic LLM Chain', type: '@n8n/n8n-nodes-langchain.chainLlm', typeVersion: 1.7, position: [200, 0], parameters: { promptType: 'define', text: '={{ $json.q }}' } },
      {
        id: 'c', name: 'OpenAI Chat Model', type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', typeVersion: 1.2, position: [200, 200],
        parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: { maxRetries: 0 } },
        credentials: { openAiApi: { id: credential.body.id, name: 'Stand-in OpenAI' } },
      },
    ],
    connections: {
      Start: { main: [[{ node: 'Basic LLM Chain', type: 'main', index: 0 }]] },
      'OpenAI Chat Model': { ai_languageModel: [[{ node: 'Basic LLM Chain', type: 'ai_languageModel', index: 0 }]] },
    },
    pinData: { Start: [{ json: { q: 'What is six times seven?' } }] },
    settings: { executionOrder: 'v1' },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

const answerOf = (run: { data: { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: { text: string } }>> } }>> } } }) =>
  run.data.resultData.runData['Basic LLM Chain'][0].data.main[0][0].json.text;

describe('AI runs', () => {
  it('records the model call, adds up tokens and cost, and re-runs with the recorded answer or a fresh one', async () => {
    const workflowId = await chainWorkflow();
    llm.script({ text: 'Forty-two.', usage: { input: 12, output: 4 } });
    const first = await post(`/api/v1/workflows/${workflowId}/run?wait=true`, {});
    expect(first.status, first.text).toBe(201);
    expect(first.body.status).toBe('success');
    expect(answerOf(first.body)).toBe('Forty-two.');
    const call = first.body.data.resultData.runData['OpenAI Chat Model'][0];
    expect(call.data.ai_languageModel[0][0].json.tokenUsage).toEqual({ promptTokens: 12, completionTokens: 4, totalTokens: 16 });
    expect(chatCalls()).toBe(1);
    // The audit keeps who ran it and how it ended, not each model call.
    await rt.projections.audit.waitFor(await rt.events.headPosition(), 10_000);
    const audited = await rt.projections.audit.collection<AuditDoc>(AUDIT).find({ filter: { stream: executionStreamName(first.body.id) }, limit: 100 });
    expect(audited.items.map((e) => e.type).sort()).toEqual(['ExecutionFinished', 'ExecutionQueued']);

    // gpt-4o-mini: $0.15 per million prompt tokens, $0.60 per million completion tokens.
    const cost = (12 * 0.15 + 4 * 0.6) / 1e6;
    const doc = await get(`/api/v1/executions/${first.body.id}`);
    expect(doc.body.aiUsage).toEqual({ calls: 1, promptTokens: 12, completionTokens: 4, totalTokens: 16, costUsd: cost, unpricedCalls: 0 });

    const reused = await post(`/api/v1/executions/${first.body.id}/rerun?wait=true`, { node: 'Basic LLM Chain', reuseAnswers: true });
    expect(reused.status, reused.text).toBe(201);
    expect(answerOf(reused.body)).toBe('Forty-two.');
    expect(chatCalls()).toBe(1);
    expect((await get(`/api/v1/executions/${reused.body.id}`)).body.aiUsage).toMatchObject({ calls: 1, totalTokens: 0, costUsd: 0 });

    llm.script({ text: 'Still forty-two.', usage: { input: 12, output: 5 } });
    const fresh = await post(`/api/v1/executions/${first.body.id}/rerun?wait=true`, { node: 'Basic LLM Chain' });
    expect(answerOf(fresh.body)).toBe('Still forty-two.');
    expect(chatCalls()).toBe(2);

    const totals = await get(`/api/v1/workflows/${workflowId}/ai-usage`);
    expect(totals.status, totals.text).toBe(200);
    expect(totals.body).toMatchObject({ workflowId, runs: 3, totals: { calls: 3, promptTokens: 24, completionTokens: 9, totalTokens: 33, unpricedCalls: 0 } });
    expect((await get(`/api/v1/workflows/${workflowId}/ai-usage?since=2999-01-01T00:00:00.000Z`)).body).toEqual({ workflowId, runs: 0, totals: null });
  });
});
