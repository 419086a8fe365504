// Teams v2's Send and Wait against the Graph stand-in: one HTML chat message with signed approve
// and decline links, the run parked; a click on a link (answered as the server answers it) resumes
// the run with the answer as the node's output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { createCodeRunner, createExpressionEvaluator, createMemoryRecorder, executeWorkflow, isResumeSignatureValid, type ReplaySource } from '../../engine/index.ts';
import { answerSendAndWaitCall, getNodeType, loadNodeTypes } from '../index.ts';
import { CHAT_ID, startTeamsStandIn, TEAMS_TOKEN, type TeamsStandIn } from './microsoft-teams-stand-in.ts';

let graph: TeamsStandIn;
const saved = process.env.WEFT_MICROSOFT_GRAPH_API_URL;
const resume = { url: 'https://weft.example.com/webhook-waiting/exec-teams', secret: 'teams-test-secret' };

beforeAll(async () => {
  graph = await startTeamsStandIn();
  process.env.WEFT_MICROSOFT_GRAPH_API_URL = graph.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_MICROSOFT_GRAPH_API_URL;
  else process.env.WEFT_MICROSOFT_GRAPH_API_URL = saved;
  await graph.close();
});

const definition = (parameters: Record<string, unknown>) => parseWorkflowDefinition({
  name: 'Teams approval', settings: { executionOrder: 'v1' },
  nodes: [
    { id: 'n0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: 'n1', name: 'Ask', type: 'n8n-nodes-base.microsoftTeams', typeVersion: 2, position: [200, 0], credentials: { microsoftTeamsOAuth2Api: { id: '1', name: 'Teams' } },
      parameters: { resource: 'chatMessage', operation: 'sendAndWait', chatId: { __rl: true, mode: 'id', value: CHAT_ID }, ...parameters } },
    { id: 'n2', name: 'After', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [400, 0], parameters: {} },
  ],
  connections: { Start: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] }, Ask: { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
});

async function run(def: ReturnType<typeof definition>, replay?: ReplaySource) {
  const evaluator = createExpressionEvaluator();
  const codeRunner = createCodeRunner();
  const recorder = createMemoryRecorder();
  try {
    await loadNodeTypes(def.nodes);
    const result = await executeWorkflow({
      definition: def, workflowId: 'wf-teams', executionId: 'exec-teams', mode: 'manual', nodeTypes: getNodeType, evaluator, timezone: 'UTC',
      resumeUrl: resume.url, resumeUrlSecret: resume.secret, recorder, ...(replay ? { replay } : {}),
      credentials: async () => ({ oauthTokenData: { access_token: TEAMS_TOKEN } }),
      runCode: (ctx, code, o) => codeRunner.run({ ctx, code, mode: o.mode, itemIndex: o.itemIndex }),
    });
    return { result, events: recorder.events };
  } finally {
    evaluator.dispose();
    codeRunner.dispose();
  }
}

describe('Microsoft Teams send and wait', () => {
  it('posts the question once with signed links, parks the run, and a click resumes it with the answer', async () => {
    const def = definition({ message: 'Ship <v2> & tag it?', approvalOptions: { values: { approvalType: 'double' } } });
    const first = await run(def);
    expect(first.result.status).toBe('waiting');
    expect(first.result.waitTill).toBe('3000-01-01T00:00:00.000Z');
    const posted = graph.seen.filter((r) => r.path === `/v1.0/chats/${CHAT_ID}/messages`);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ method: 'POST', authorization: `Bearer ${TEAMS_TOKEN}` });
    const { body } = posted[0].body as { body: { contentType: string; content: string } };
    expect(body.contentType).toBe('html');
    expect(body.content.startsWith('Ship &lt;v2&gt; &amp; tag it?<br><br><a href="')).toBe(true);
    // No attribution unless switched on, as n8n's Teams reads the option.
    expect(body.content).not.toContain('sent automatically');
    const links = [...body.content.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ url: new URL(m[1].replace(/&amp;/g, '&')), label: m[2] }));
    expect(links.map((l) => [l.label, l.url.searchParams.get('approved')])).toEqual([['✗ Decline', 'false'], ['✓ Approve', 'true']]);
    for (const { url } of links) expect(isResumeSignatureValid(resume.secret, 'exec-teams', 'n1', Object.fromEntries(url.searchParams))).toBe(true);

    // The approve link is used: the server's answer to that call resumes the parked run.
    const answer = answerSendAndWaitCall({ method: 'GET', headers: { 'user-agent': 'Mozilla/5.0' }, query: Object.fromEntries(links[1].url.searchParams), body: {},
      nodeContext: undefined, parameters: def.nodes[1].parameters });
    expect(answer.items).toEqual([{ json: { data: { approved: true } } }]);
    const resumed = await run(def, { events: first.events, resume: true, resumeItems: answer.items });
    expect(resumed.result.status).toBe('success');
    expect(resumed.result.data.resultData.runData.After[0].data?.main[0]?.map((i) => i.json)).toEqual([{ data: { approved: true } }]);
    expect(graph.seen.filter((r) => r.path === `/v1.0/chats/${CHAT_ID}/messages`)).toHaveLength(1);
  });

  it('appends the attribution when switched on, and uses a Respond link for free text', async () => {
    graph.seen.length = 0;
    const { result } = await run(definition({ message: 'Why?', responseType: 'freeText', options: { appendAttribution: true, messageButtonLabel: 'Answer' } }));
    expect(result.status).toBe('waiting');
    const content = (graph.seen[0].body as { body: { content: string } }).body.content;
    expect(content).toMatch(/^Why\?<br><br><a href="https:\/\/weft\.example\.com\/webhook-waiting\/exec-teams\/n1\?[^"]+">Answer<\/a><br><br><em>This message was sent automatically with Weft<\/em>$/);
  });
});
