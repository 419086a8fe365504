// Every built-in template, used and run on a real runtime: created through "use template" with the
// credentials it needs chosen, then run by hand with its sample trigger data. Outside services are
// local stand-ins: Slack's and the chat model's from nodes/, Postgres and Redis real, plain HTTP APIs
// one recording server (the workflow's https:// addresses are pointed at it before the run).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLlmStandIn, startSlackStandIn, type LlmStandIn, type SlackStandIn } from '../../nodes/index.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';
import { loadLibrary } from './template-library.ts';
import { startHttpStandIn, type HttpStandIn } from './template-stand-in.ts';

const library = loadLibrary();
let rt: TestRuntime;
let http: HttpStandIn;
let slack: SlackStandIn;
let llm: LlmStandIn;
const credentialIds: Record<string, string> = {};
const api = () => request(rt.app.koa.callback());
const key = (r: request.Test) => r.set('X-API-KEY', TEST_OWNER.apiKey);

beforeAll(async () => {
  [http, slack, llm] = await Promise.all([startHttpStandIn(), startSlackStandIn(), startLlmStandIn()]);
  process.env.WEFT_SLACK_API_URL = slack.url;
  process.env.WEFT_HACKER_NEWS_API_URL = `${http.url}/hacker-news`;
  rt = await startTestRuntime();
  const data: Record<string, Record<string, unknown>> = {
    httpHeaderAuth: { name: 'Authorization', value: 'Bearer template-test' },
    slackApi: { accessToken: 'xoxb-good-token' },
    openAiApi: { apiKey: llm.apiKey, url: llm.openAiUrl },
    postgres: { host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres', password: '', ssl: 'disable' },
    redis: { host: '127.0.0.1', port: 6379, database: 0 },
    discordWebhookApi: { webhookUri: `${http.url}/discord/webhook` },
  };
  for (const [type, values] of Object.entries(data)) {
    const res = await key(api().post('/api/v1/credentials')).send({ name: `Test ${type}`, type, data: values });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    credentialIds[type] = res.body.id;
  }
}, 60_000);

afterAll(async () => {
  await rt?.dispose();
  await Promise.all([http?.close(), slack?.close(), llm?.close()]);
  delete process.env.WEFT_SLACK_API_URL;
  delete process.env.WEFT_HACKER_NEWS_API_URL;
});

/** Canned answers may name today's month and day (`{{MM-dd}}`) in the runs' time zone, for date filters. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: rt.config.timezone, month: '2-digit', day: '2-digit' }).format(new Date());

it('has at least 40 templates in at least 8 categories, each described', () => {
  expect(library.length).toBeGreaterThanOrEqual(40);
  expect(new Set(library.map((t) => t.category)).size).toBeGreaterThanOrEqual(8);
  for (const t of library) expect(t.name.length * t.description.length * t.test.expectOutput.length, t.id).toBeGreaterThan(0);
});

describe.each(library.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('is used with its credentials and runs against the stand-ins', async () => {
    const needed = [...new Set(template.workflow.nodes.flatMap((n) => Object.keys(n.credentials ?? {})))];
    const choices = Object.fromEntries(needed.map((type) => [type, credentialIds[type]]));
    const used = await key(api().post(`/api/v1/templates/${template.id}/use`)).send({ credentials: choices });
    expect(used.status, JSON.stringify(used.body)).toBe(201);
    expect(used.body.credentials.map((c: { type: string; chosen: { id: string } }) => [c.type, c.chosen?.id])).toEqual(needed.map((type) => [type, credentialIds[type]]));

    const doc = await rt.workflows.get(used.body.workflowId);
    expect(rt.workflows.issues(doc.definition)).toEqual([]);

    // Point the template's https:// addresses at the stand-in, as a user would at a test server.
    const definition = structuredClone(doc.definition);
    for (const node of definition.nodes) {
      if (typeof node.parameters.url === 'string') node.parameters.url = node.parameters.url.replace('https://', `${http.url}/`);
    }
    await rt.workflows.update(doc.id, definition, undefined, { actor: { kind: 'system', id: 'template-test' }, requestId: `point-${template.id}` });
    http.calls.length = 0;
    slack.seen.length = 0;
    http.answers.clear();
    for (const [call, answer] of Object.entries(template.test.responses ?? {})) http.answers.set(call, JSON.parse(JSON.stringify(answer).replaceAll('{{MM-dd}}', today())));

    const run = await key(api().post(`/api/v1/workflows/${doc.id}/run?wait=true`)).send({ pinData: template.test.pinData ?? {} });
    expect(run.status, JSON.stringify(run.body).slice(0, 2000)).toBe(201);
    const result = run.body as { status: string; data: { resultData: { error?: { message: string; node?: string }; runData: Record<string, Array<{ data?: { main: unknown[][] } }>> } } };
    expect(result.data.resultData.error, JSON.stringify(result.data.resultData.error)).toBeUndefined();
    expect(result.status).toBe('success');
    for (const node of template.test.expectOutput) {
      const items = (result.data.resultData.runData[node] ?? []).flatMap((r) => (r.data?.main ?? []).flat());
      expect(items.length, `${node} gave no items: ${JSON.stringify(result.data.resultData.runData)?.slice(0, 3000)}`).toBeGreaterThan(0);
    }
    // A Slack node that ran must have posted through Slack's API with the chosen token.
    const slackNodes = template.workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.slack' && result.data.resultData.runData[n.name]);
    expect(slack.seen.filter((s) => s.path.endsWith('chat.postMessage') && s.authorization === 'Bearer xoxb-good-token').length).toBeGreaterThanOrEqual(slackNodes.length ? 1 : 0);
    const seen = http.calls.map((c) => c.key);
    for (const call of template.test.expectCalls ?? []) expect(seen, call).toContain(call);
    for (const call of http.calls.filter((c) => !c.key.startsWith('POST discord/') && !c.key.startsWith('GET hacker-news/'))) {
      expect(call.authorization, call.key).toBe('Bearer template-test');
    }
  });
});
