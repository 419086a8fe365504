// The Outlook v1 workflow fixture (microsoft-outlook-v1-forward-unread.server-workflow.json, n8n's
// JSON as an n8n v1 export has it) run on the fixture engine against the Graph stand-in
// (microsoft-outlook-stand-in.ts): the outputs it expects, and the requests Graph received.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getNodeType } from '../index.ts';
import { createFixtureEngine } from '../testing/fixture-engine.ts';
import { runFixture, type FlowFixture } from '../testing/run-fixtures.ts';
import { GRAPH_TOKEN, startGraphStandIn, type GraphStandIn } from './microsoft-outlook-stand-in.ts';

const FILE = 'microsoft-outlook-v1-forward-unread.server-workflow.json';
let graph: GraphStandIn;
const saved = process.env.WEFT_MICROSOFT_GRAPH_API_URL;
const engine = createFixtureEngine();

beforeAll(async () => {
  graph = await startGraphStandIn();
  process.env.WEFT_MICROSOFT_GRAPH_API_URL = graph.url;
});
afterAll(async () => {
  engine.dispose();
  if (saved === undefined) delete process.env.WEFT_MICROSOFT_GRAPH_API_URL;
  else process.env.WEFT_MICROSOFT_GRAPH_API_URL = saved;
  await graph.close();
});

it('runs the Outlook v1 fixture: unread messages listed, one mail sent per message', async () => {
  const fixture: FlowFixture = {
    ...(JSON.parse(readFileSync(new URL(`./${FILE}`, import.meta.url), 'utf8')) as Omit<FlowFixture, 'file'>),
    file: FILE, credentials: { microsoftOutlookOAuth2Api: { oauthTokenData: { access_token: GRAPH_TOKEN } } },
  };
  expect(await runFixture(fixture, engine, getNodeType)).toEqual([]);
  const list = graph.seen.filter((r) => r.path === '/v1.0/me/messages');
  expect(list.map((r) => [r.method, r.query, r.authorization])).toEqual([['GET', { $select: 'id,subject', $filter: 'isRead eq false', $top: '2' }, `Bearer ${GRAPH_TOKEN}`]]);
  const sent = graph.seen.filter((r) => r.path === '/v1.0/me/sendMail').map((r) => r.body);
  expect(sent).toEqual(['AAMk2', 'AAMk4'].map((id, i) => ({
    message: { subject: `Fwd: Subject ${[2, 4][i]}`, body: { content: `Unread message ${id}`, contentType: 'Text' }, importance: 'Low', toRecipients: [{ emailAddress: { address: 'team@example.com' } }] }, saveToSentItems: true,
  })));
});
