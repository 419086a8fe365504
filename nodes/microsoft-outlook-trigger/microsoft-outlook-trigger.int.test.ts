// The Microsoft Outlook Trigger against the Graph stand-in (../microsoft-outlook/microsoft-outlook-
// stand-in.ts): a manual run shows one message; polls ask for messages received since the last
// poll and keep that time in the node's static data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, TriggerContext } from '../../engine/index.ts';
import { methodContext } from '../node-methods.ts';
import { GRAPH_TOKEN, startGraphStandIn, type GraphStandIn } from '../microsoft-outlook/microsoft-outlook-stand-in.ts';
import { microsoftOutlookTriggerNode } from './microsoft-outlook-trigger.node.ts';

let graph: GraphStandIn;
const saved = process.env.WEFT_MICROSOFT_GRAPH_API_URL;
beforeAll(async () => {
  graph = await startGraphStandIn();
  process.env.WEFT_MICROSOFT_GRAPH_API_URL = graph.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_MICROSOFT_GRAPH_API_URL;
  else process.env.WEFT_MICROSOFT_GRAPH_API_URL = saved;
  await graph.close();
});

function triggerContext(parameters: Record<string, unknown>, state: JsonObject): TriggerContext {
  const base = methodContext({ nodeType: microsoftOutlookTriggerNode, kind: 'loadOptions', method: 'x', currentNodeParameters: parameters,
    credentials: { microsoftOutlookOAuth2Api: { id: '1', name: 'x' } } },
  { getCredentials: async () => ({ oauthTokenData: { access_token: GRAPH_TOKEN } }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...base, getWorkflowStaticData: () => state } as unknown as TriggerContext;
}

describe('Microsoft Outlook Trigger', () => {
  it('a manual run outputs one simplified message', async () => {
    const out = await microsoftOutlookTriggerNode.execute!(triggerContext({ event: 'messageReceived' }, {}));
    expect(out?.[0]).toHaveLength(1);
    expect(Object.keys(out?.[0][0].json ?? {})).toEqual(['id', 'conversationId', 'subject', 'bodyPreview', 'from', 'toRecipients', 'categories', 'hasAttachments']);
  });

  it('polls with a received-time window from the last check, and moves the check forward', async () => {
    const state: JsonObject = { lastTimeChecked: '2023-12-31T00:00:00.000Z' };
    graph.seen.length = 0;
    const first = await microsoftOutlookTriggerNode.triggers!.poll!(triggerContext({ output: 'raw', filters: { readStatus: 'unread' } }, state));
    const filter = graph.seen[0].query.$filter;
    expect(filter).toMatch(/^receivedDateTime ge 2023-12-31T00:00:00.000Z and receivedDateTime lt \S+ and isRead eq false$/);
    expect(first?.[0]).toHaveLength(65);
    expect(Date.parse(String(state.lastTimeChecked))).toBeGreaterThan(Date.parse('2024-06-01'));
    const second = await microsoftOutlookTriggerNode.triggers!.poll!(triggerContext({ output: 'raw' }, state));
    expect(second).toBeNull();
  });
});
