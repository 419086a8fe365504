// The AI Agent's multi-step tool loop with real tools and a real memory: the model (a local stand-in
// of OpenAI's API) calls the Calculator, then the HTTP Request Tool (against a local server), then
// the Call n8n Workflow Tool (a sub-workflow), and answers from their results; the conversation is
// kept in PostgreSQL (Postgres Chat Memory). Every model call, tool call and memory use is recorded.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../domain/index.ts';
import { getNodeType } from '../index.ts';
import { startLlmStandIn, type LlmStandIn, type NormalizedChatRequest, type ScriptedAnswer } from '../ai-shared/testing/llm-stand-in.ts';
import { createFixtureEngine } from '../testing/fixture-engine.ts';

const postgres = { host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres', password: '', ssl: 'disable' };
const table = `agent_loop_${process.pid}`;
const engine = createFixtureEngine();
let llm: LlmStandIn;
let weather: Server;
let weatherUrl = '';
const weatherCalls: string[] = [];

beforeAll(async () => {
  llm = await startLlmStandIn();
  weather = createServer((req, res) => {
    weatherCalls.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ city: decodeURIComponent(req.url!.split('/').pop()!), temp: 21 }));
  });
  await new Promise<void>((resolve) => weather.listen(0, '127.0.0.1', resolve));
  weatherUrl = `http://127.0.0.1:${(weather.address() as AddressInfo).port}`;
});
afterAll(async () => {
  const admin = new pg.Client({ ...postgres, ssl: false });
  await admin.connect();
  await admin.query(`DROP TABLE IF EXISTS ${table}`);
  await admin.end();
  engine.dispose();
  await Promise.all([llm.close(), new Promise((resolve) => weather.close(resolve))]);
});

// Greets whoever it is given: what the workflow tool calls.
const greeter = {
  name: 'Greeter', settings: { executionOrder: 'v1' },
  nodes: [
    { id: 'g1', name: 'When called', type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1.1, position: [0, 0], parameters: { inputSource: 'passthrough' } },
    { id: 'g2', name: 'Greet', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: {
      assignments: { assignments: [{ id: 'x', name: 'greeting', value: '={{ "Hello, " + $json.name }}', type: 'string' }] }, options: {},
    } },
  ],
  connections: { 'When called': { main: [[{ node: 'Greet', type: 'main', index: 0 }]] } },
};

function agentWorkflow(): WorkflowDefinition {
  const sub = (name: string, type: string, typeVersion: number, connection: string, parameters: Record<string, unknown>, credentials?: object) =>
    ({ node: { id: name, name, type, typeVersion, position: [0, 200], parameters, ...(credentials ? { credentials } : {}) }, link: { [connection]: [[{ node: 'AI Agent', type: connection, index: 0 }]] } });
  const subs = [
    sub('OpenAI Chat Model', '@n8n/n8n-nodes-langchain.lmChatOpenAi', 1.2, 'ai_languageModel', { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: { maxRetries: 0 } }, { openAiApi: { id: 'o', name: 'openai' } }),
    sub('Postgres Chat Memory', '@n8n/n8n-nodes-langchain.memoryPostgresChat', 1.3, 'ai_memory', { tableName: table }, { postgres: { id: 'p', name: 'pg' } }),
    sub('Calculator', '@n8n/n8n-nodes-langchain.toolCalculator', 1, 'ai_tool', {}),
    sub('Weather', '@n8n/n8n-nodes-langchain.toolHttpRequest', 1.1, 'ai_tool', {
      toolDescription: 'Current weather in a city', url: `${weatherUrl}/weather/{city}`,
      placeholderDefinitions: { values: [{ name: 'city', description: 'City name', type: 'string' }] },
    }),
    sub('Greet', '@n8n/n8n-nodes-langchain.toolWorkflow', 2.2, 'ai_tool', {
      description: 'Greets a person', workflowId: { __rl: true, mode: 'id', value: 'greeter' },
      workflowInputs: { mappingMode: 'defineBelow', value: { name: "={{ $fromAI('name', 'Who to greet', 'string') }}" }, schema: [{ id: 'name', displayName: 'name', type: 'string' }] },
    }),
  ];
  return {
    name: 'Agent with tools', settings: { executionOrder: 'v1' },
    nodes: [
      { id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'a', name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 2.2, position: [200, 0], parameters: { promptType: 'define', text: '={{ $json.chatInput }}', options: {} } },
      ...subs.map((s) => s.node),
    ],
    connections: { Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] }, ...Object.fromEntries(subs.map((s) => [s.node.name, s.link])) },
  } as unknown as WorkflowDefinition;
}

/** Step n calls the n-th tool the model was offered with arguments fit for it; then it answers from the results. */
function toolByTool(request: NormalizedChatRequest): ScriptedAnswer {
  const results = request.messages.filter((m) => m.role === 'tool').map((m) => m.content);
  const args: Record<string, Record<string, unknown>> = { calculator: { input: '6 * 7' }, Weather: { city: 'Oslo' }, Greet: { name: 'Ada' } };
  const next = ['calculator', 'Weather', 'Greet'][results.length];
  if (next) {
    expect(request.tools.map((t) => t.name).sort()).toEqual(['Greet', 'Weather', 'calculator']);
    return { toolCalls: [{ name: next, args: args[next] }] };
  }
  return { text: `Done: ${results.join(' | ')}` };
}

describe('AI Agent with real tools and Postgres memory', () => {
  it('runs the tool loop to an answer from the three tools, recording each step and keeping the conversation', async () => {
    llm.script(toolByTool, toolByTool, toolByTool, toolByTool);
    const result = await engine.run({
      name: 'agent loop', file: 'agent-tool-loop', workflow: agentWorkflow(),
      pinData: { Start: [{ json: { chatInput: 'Work it all out', sessionId: 'loop-1' } }] },
      credentials: { openAiApi: { apiKey: llm.apiKey, url: llm.openAiUrl }, postgres },
      subWorkflows: { greeter },
    }, getNodeType);
    expect(result.data.resultData.error).toBeUndefined();
    const runData = result.data.resultData.runData;
    const output = String(runData['AI Agent'][0].data!.main[0]![0].json.output);
    expect(output).toContain('42');
    expect(output).toMatch(/"temp": ?21/);
    expect(output).toContain('Hello, Ada');
    expect(weatherCalls).toEqual(['/weather/Oslo']);

    // Four model calls, the last of which saw all three tool results; one use of each tool.
    expect(runData['OpenAI Chat Model']).toHaveLength(4);
    expect(llm.chatCalls[3].messages.filter((m) => m.role === 'tool')).toHaveLength(3);
    for (const tool of ['Calculator', 'Weather', 'Greet']) expect(runData[tool], tool).toHaveLength(1);
    expect(runData.Calculator[0].inputOverride?.ai_tool?.[0]?.[0]?.json).toMatchObject({ query: '6 * 7' });
    // The memory was read before the loop and written after it, in PostgreSQL.
    const memoryUses = runData['Postgres Chat Memory'].map((t) => (t.inputOverride?.ai_memory?.[0]?.[0]?.json as { action: string }).action);
    expect(memoryUses).toEqual(['loadMemoryVariables', 'saveContext']);
    const client = new pg.Client({ ...postgres, ssl: false });
    await client.connect();
    const rows = await client.query(`SELECT message FROM ${table} WHERE session_id = 'loop-1' ORDER BY id`);
    await client.end();
    expect(rows.rows.map((r) => r.message.type)).toEqual(['human', 'ai']);
    expect(rows.rows[1].message.content).toBe(output);
  });
});
