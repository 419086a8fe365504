// n8n's Response Mode "Streaming" on a real listening server: a Webhook (2.1) or a Chat Trigger
// answers with the AI Agent's text as the model writes it (n8n's chunk lines), before the run ends;
// a model that fails ends the stream with an error line. A chat's earlier messages load from its
// memory. The model is a local stand-in of OpenAI's API, which streams its answer as server-sent events.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLlmStandIn, type LlmStandIn } from '../../nodes/index.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

let server: TestServer;
let llm: LlmStandIn;
let credentialId = '';

const api = async (method: string, path: string, body?: object) => {
  const res = await fetch(`${server.url}${path}`, {
    method, headers: { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
};

beforeAll(async () => {
  [server, llm] = await Promise.all([startTestServer(), startLlmStandIn()]);
  const credential = await api('POST', '/api/v1/credentials', { name: 'Stand-in OpenAI', type: 'openAiApi', data: { apiKey: llm.apiKey, url: llm.openAiUrl } });
  expect(credential.status).toBe(201);
  credentialId = credential.body.id;
});
afterAll(async () => {
  await Promise.all([server?.close(), llm?.close()]);
});

interface Line { type: string; content?: string; metadata: { nodeName?: string; itemIndex: number } }

/** Reads a streamed answer line by line, noting when each line and the end arrived. */
async function readStream(res: Response): Promise<{ lines: Array<Line & { at: number }>; endedAt: number }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const lines: Array<Line & { at: number }> = [];
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pending += decoder.decode(value, { stream: true });
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const part of parts) if (part.trim()) lines.push({ ...(JSON.parse(part) as Line), at: Date.now() });
  }
  return { lines, endedAt: Date.now() };
}

/** Trigger → AI Agent (OpenAI model) → a one-second Wait, so the run goes on after the agent answered. */
async function agentWorkflow(trigger: object, agentInput: string): Promise<string> {
  const created = await api('POST', '/api/v1/workflows', {
    name: `Streaming ${randomUUID().slice(0, 6)}`,
    nodes: [
      trigger,
      { id: 'agent', name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3, position: [200, 0], parameters: { promptType: 'define', text: agentInput, options: {} } },
      {
        id: 'model', name: 'OpenAI Chat Model', type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', typeVersion: 1.2, position: [200, 200],
        parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: { maxRetries: 0 } },
        credentials: { openAiApi: { id: credentialId, name: 'Stand-in OpenAI' } },
      },
      { id: 'wait', name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [400, 0], parameters: { resume: 'timeInterval', amount: 1, unit: 'seconds' } },
    ],
    connections: {
      [(trigger as { name: string }).name]: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
      'AI Agent': { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
      'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
    },
    settings: { executionOrder: 'v1' },
  });
  expect(created.status).toBe(201);
  const activated = await api('POST', `/api/v1/workflows/${created.body.id}/activate`);
  expect(activated.status).toBe(200);
  return created.body.id;
}

const text = (lines: Line[]) => lines.filter((l) => l.type === 'item').map((l) => l.content).join('');

describe('streamed answers', () => {
  it('streams the agent’s answer from a Webhook in n8n’s chunk lines while the run goes on', async () => {
    const path = `stream-${randomUUID().slice(0, 8)}`;
    await agentWorkflow({ id: 'hook', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId: path, parameters: { path, httpMethod: 'POST', responseMode: 'streaming', options: {} } }, '={{ $json.body.q }}');
    const answer = 'Streaming works: one piece at a time, spaces kept.';
    llm.script({ text: answer });
    const res = await fetch(`${server.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q: 'Does it stream?' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const executionId = res.headers.get('x-weft-execution-id');
    const { lines, endedAt } = await readStream(res);

    expect(lines.map((l) => l.type)).toEqual(['begin', ...lines.slice(1, -1).map(() => 'item'), 'end']);
    expect(lines.filter((l) => l.type === 'item').length).toBeGreaterThan(1);
    expect(text(lines)).toBe(answer);
    expect(lines[0].metadata).toMatchObject({ nodeName: 'AI Agent', itemIndex: 0 });
    // The agent's answer arrived before the Wait after it let the run end.
    expect(endedAt - lines[lines.length - 1].at).toBeGreaterThan(700);
    expect(llm.chatCalls.at(-1)?.stream).toBe(true);

    // The parts are events of the run (a few, not one per piece), and the run kept the agent's output
    // (read once the executions list has caught up with the run's end).
    await server.runtime.executions.settle();
    const run = await api('GET', `/api/v1/executions/${executionId}?includeData=true`);
    expect(run.body.status).toBe('success');
    expect(run.body.data.resultData.runData['AI Agent'][0].data.main[0][0].json.output).toBe(answer);
    const stream = await server.runtime.events.readStream(`execution-${executionId}`);
    const chunkEvents = stream.filter((e) => e.type === 'WebhookResponseChunk');
    expect(chunkEvents.length).toBeGreaterThan(0);
    expect(chunkEvents.length).toBeLessThan(lines.length);
  });

  it('ends the stream with an error line when the model fails', async () => {
    const path = `stream-fail-${randomUUID().slice(0, 8)}`;
    await agentWorkflow({ id: 'hook', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId: path, parameters: { path, httpMethod: 'POST', responseMode: 'streaming', options: {} } }, 'Hello');
    llm.failNext(500, { message: 'The stand-in is down' });
    const res = await fetch(`${server.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { lines } = await readStream(res);
    expect(lines[0].type).toBe('begin');
    const error = lines.find((l) => l.type === 'error');
    expect(error?.content).toContain('The stand-in is down');
    expect(lines.filter((l) => l.type === 'error')).toHaveLength(1);
  });

  it('answers a chat’s loadPreviousSession with the messages its memory holds, in a run of the trigger alone', async () => {
    const webhookId = randomUUID();
    const created = await api('POST', '/api/v1/workflows', {
      name: `Chat history ${webhookId.slice(0, 6)}`, settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'chat', name: 'When chat message received', type: '@n8n/n8n-nodes-langchain.chatTrigger', typeVersion: 1.1, position: [0, 0], webhookId,
          parameters: { public: true, mode: 'hostedChat', options: { loadPreviousSession: 'memory' } } },
        { id: 'agent', name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3, position: [200, 0], parameters: { promptType: 'auto', options: {} } },
        { id: 'model', name: 'OpenAI Chat Model', type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', typeVersion: 1.2, position: [200, 200],
          parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: { maxRetries: 0 } }, credentials: { openAiApi: { id: credentialId, name: 'Stand-in OpenAI' } } },
        { id: 'memory', name: 'Simple Memory', type: '@n8n/n8n-nodes-langchain.memoryBufferWindow', typeVersion: 1.3, position: [300, 200], parameters: {} },
      ],
      connections: {
        'When chat message received': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
        'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
        'Simple Memory': { ai_memory: [[{ node: 'AI Agent', type: 'ai_memory', index: 0 }, { node: 'When chat message received', type: 'ai_memory', index: 0 }]] },
      },
    });
    expect(created.status).toBe(201);
    expect((await api('POST', `/api/v1/workflows/${created.body.id}/activate`)).status).toBe(200);
    const chat = (body: object) => fetch(`${server.url}/webhook/${webhookId}/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    llm.script({ text: 'Hello, Ada.' });
    expect(await (await chat({ action: 'sendMessage', sessionId: 'ada', chatInput: 'I am Ada' })).json()).toEqual({ output: 'Hello, Ada.' });

    const res = await chat({ action: 'loadPreviousSession', sessionId: 'ada' });
    expect(res.status).toBe(200);
    const history = (await res.json()) as { data: Array<{ id: string[]; kwargs: { content: string } }> };
    expect(history.data.map((m) => [m.id.at(-1), m.kwargs.content])).toEqual([['HumanMessage', 'I am Ada'], ['AIMessage', 'Hello, Ada.']]);
    // Another session has none; the agent never ran for these requests.
    expect(await (await chat({ action: 'loadPreviousSession', sessionId: 'someone-else' })).json()).toEqual({ data: [] });
    await server.runtime.executions.settle();
    const run = await api('GET', `/api/v1/executions/${res.headers.get('x-weft-execution-id')}?includeData=true`);
    expect(Object.keys(run.body.data.resultData.runData)).toEqual(['When chat message received']);
  });

  it('streams a Chat Trigger’s answer, and tells its hosted page to read it as a stream', async () => {
    const webhookId = randomUUID();
    await agentWorkflow({
      id: 'chat', name: 'When chat message received', type: '@n8n/n8n-nodes-langchain.chatTrigger', typeVersion: 1.1, position: [0, 0], webhookId,
      parameters: { public: true, mode: 'hostedChat', options: { responseMode: 'streaming' } },
    }, '={{ $json.chatInput }}');
    const page = await fetch(`${server.url}/webhook/${webhookId}/chat`);
    expect(await page.text()).toContain('"streaming":true');
    llm.script({ text: 'Hello from the chat, streamed.' });
    const res = await fetch(`${server.url}/webhook/${webhookId}/chat`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'sendMessage', sessionId: 's1', chatInput: 'Hi' }),
    });
    const { lines } = await readStream(res);
    expect(lines[0]).toMatchObject({ type: 'begin', metadata: { nodeName: 'AI Agent' } });
    expect(text(lines)).toBe('Hello from the chat, streamed.');
    expect(lines.at(-1)?.type).toBe('end');
  });
});
