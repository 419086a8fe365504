// Gmail's Send and Wait against the Gmail stand-in: one HTML email with signed approve/decline
// buttons to a single address, the run parked until the limit; a list of addresses is refused.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isResumeSignatureValid } from '../../engine/index.ts';
import { runChain } from '../n8n-api/test-support.ts';
import { clearGoogleTokenCache } from '../google-shared/google-auth.ts';
import { GMAIL_OAUTH_TOKEN, startGmailStandIn, type GmailStandIn } from './gmail-stand-in.ts';

let google: GmailStandIn;
const saved = { gmail: process.env.WEFT_GMAIL_API_URL, oauth: process.env.WEFT_GOOGLE_OAUTH2_API_URL };
const resume = { url: 'https://weft.example.com/webhook-waiting/exec-n8n', secret: 'gmail-test-secret' };

beforeAll(async () => {
  google = await startGmailStandIn();
  process.env.WEFT_GMAIL_API_URL = google.url;
  process.env.WEFT_GOOGLE_OAUTH2_API_URL = google.url;
  clearGoogleTokenCache();
});
afterAll(async () => {
  for (const [name, value] of [['WEFT_GMAIL_API_URL', saved.gmail], ['WEFT_GOOGLE_OAUTH2_API_URL', saved.oauth]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await google.close();
});

const run = (parameters: Record<string, unknown>) => runChain([{
  name: 'Gmail', type: 'n8n-nodes-base.gmail', typeVersion: 2.1, credentials: { gmailOAuth2: { id: '1', name: 'Gmail' } },
  parameters: { resource: 'message', operation: 'sendAndWait', ...parameters },
}], { items: [{ json: { n: 1 } }, { json: { n: 2 } }], credentials: { gmailOAuth2: { oauthTokenData: { access_token: GMAIL_OAUTH_TOKEN } } }, resume });

describe('Gmail send and wait', () => {
  it('emails the question once with signed buttons and parks the run until the limit', async () => {
    const before = Date.now();
    const result = await run({
      sendTo: 'boss@example.com', subject: 'Approve <budget>', message: 'Spend 5 & 6?\\nThanks',
      approvalOptions: { values: { approvalType: 'double', approveLabel: 'Yes', disapproveLabel: 'No' } },
      options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' } } },
    });
    expect(result.status).toBe('waiting');
    expect(Date.parse(String(result.waitTill)) - before).toBeGreaterThanOrEqual(2 * 3600_000);
    expect(Date.parse(String(result.waitTill)) - Date.now()).toBeLessThanOrEqual(2 * 3600_000);
    expect(google.messages).toHaveLength(1);
    const mail = await simpleParser(google.messages[0].raw);
    expect(mail.to).toMatchObject({ text: 'boss@example.com' });
    // n8n escapes the subject as HTML too.
    expect(mail.subject).toBe('Approve &lt;budget&gt;');
    const html = String(mail.html);
    expect(html).toContain('Spend 5 &amp; 6?\nThanks');
    expect(html).toContain('This message was sent automatically with Weft');
    const links = [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ url: new URL(m[1].replace(/&amp;/g, '&')), label: m[2] }));
    expect(links.map((l) => [l.label, l.url.searchParams.get('approved')])).toEqual([['No', 'false'], ['Yes', 'true']]);
    for (const { url } of links) {
      expect(`${url.origin}${url.pathname}`).toBe(`${resume.url}/n1`);
      expect(isResumeSignatureValid(resume.secret, 'exec-n8n', 'n1', Object.fromEntries(url.searchParams))).toBe(true);
    }
  });

  it('refuses more than one address, before sending anything', async () => {
    google.messages.length = 0;
    const result = await run({ sendTo: 'a@example.com, b@example.com', subject: 'Hi', message: 'ok?' });
    expect(result.data.resultData.error?.message).toBe('Invalid email address');
    expect(result.data.resultData.error?.description).toBe("The email address 'a@example.com, b@example.com' in the 'To' field isn't valid or contains multiple addresses. Please provide only a single email address.");
    expect(google.messages).toHaveLength(0);
  });
});
