// Outlook's Send and Wait against the Graph stand-in: one HTML email through /me/sendMail with a
// signed approve button (no attribution unless switched on, as in n8n's Outlook), and the run parked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isResumeSignatureValid } from '../../engine/index.ts';
import { runChain } from '../n8n-api/test-support.ts';
import { GRAPH_TOKEN, startGraphStandIn, type GraphStandIn } from './microsoft-outlook-stand-in.ts';

let graph: GraphStandIn;
const saved = process.env.WEFT_MICROSOFT_GRAPH_API_URL;
const resume = { url: 'https://weft.example.com/webhook-waiting/exec-n8n', secret: 'outlook-test-secret' };

beforeAll(async () => {
  graph = await startGraphStandIn();
  process.env.WEFT_MICROSOFT_GRAPH_API_URL = graph.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_MICROSOFT_GRAPH_API_URL;
  else process.env.WEFT_MICROSOFT_GRAPH_API_URL = saved;
  await graph.close();
});

describe('Microsoft Outlook send and wait', () => {
  it('mails the question once with a signed approve button and parks the run', async () => {
    const result = await runChain([{
      name: 'Outlook', type: 'n8n-nodes-base.microsoftOutlook', typeVersion: 2, credentials: { microsoftOutlookOAuth2Api: { id: '1', name: 'Outlook' } },
      parameters: { resource: 'message', operation: 'sendAndWait', toRecipients: 'a@example.com, b@example.com', subject: 'Leave request', message: 'Approve 3 days?',
        approvalOptions: { values: { approveLabel: 'OK' } } },
    }], { items: [{ json: {} }, { json: {} }], credentials: { microsoftOutlookOAuth2Api: { oauthTokenData: { access_token: GRAPH_TOKEN } } }, resume });
    expect(result.status).toBe('waiting');
    expect(result.waitTill).toBe('3000-01-01T00:00:00.000Z');
    const sent = graph.seen.filter((r) => r.path === '/v1.0/me/sendMail');
    expect(sent).toHaveLength(1);
    expect(sent[0].authorization).toBe(`Bearer ${GRAPH_TOKEN}`);
    const { message } = sent[0].body as { message: { subject: string; body: { contentType: string; content: string }; toRecipients: unknown[] } };
    expect(message.subject).toBe('Leave request');
    expect(message.toRecipients).toEqual([{ emailAddress: { address: 'a@example.com' } }, { emailAddress: { address: 'b@example.com' } }]);
    expect(message.body.contentType).toBe('html');
    expect(message.body.content).toContain('Approve 3 days?');
    expect(message.body.content).not.toContain('sent automatically');
    const links = [...message.body.content.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)];
    expect(links.map((m) => m[2])).toEqual(['OK']);
    const url = new URL(links[0][1].replace(/&amp;/g, '&'));
    expect(isResumeSignatureValid(resume.secret, 'exec-n8n', 'n1', Object.fromEntries(url.searchParams))).toBe(true);
    expect(url.searchParams.get('approved')).toBe('true');
  });
});
