// The Twilio node against a local stand-in of Twilio's REST API (twilio-stand-in.ts, written from
// Twilio's API reference): what it sends and what it outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testTwilioCredential } from './twilio-credential-test.ts';
import { ACCOUNT_SID, API_KEY_SECRET, API_KEY_SID, AUTH_TOKEN, startTwilioStandIn, type TwilioStandIn } from './twilio-stand-in.ts';

let tw: TwilioStandIn;
const credential = { authType: 'authToken', accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN };
beforeAll(async () => {
  tw = await startTwilioStandIn();
  process.env.WEFT_TWILIO_API_URL = tw.url;
});
afterAll(async () => {
  delete process.env.WEFT_TWILIO_API_URL;
  await tw.close();
});
beforeEach(() => { tw.seen.length = 0; });

const run = (parameters: Record<string, unknown>, items = [{ json: {} }], continueOnFail = false, cred: Record<string, unknown> = credential) => runChain([{
  name: 'Twilio', type: 'n8n-nodes-base.twilio', typeVersion: 1, parameters, continueOnFail, credentials: { twilioApi: { id: '1', name: 'Twilio' } },
}], { items, credentials: { twilioApi: cred } });
const errorOf = (result: Awaited<ReturnType<typeof runChain>>) => result.data.resultData.error?.message;
const basic = (a: string, b: string) => `Basic ${Buffer.from(`${a}:${b}`).toString('base64')}`;

describe('Twilio SMS', () => {
  it('sends an SMS as a form POST with Basic auth (resource and operation defaulted); outputs the message resource', async () => {
    const result = await run({ from: '+14155238886', to: '={{ $json.to }}', message: 'Hi there' }, [{ json: { to: '+15558675310' } }]);
    expect(tw.seen[0]).toMatchObject({ method: 'POST', path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, authorization: basic(ACCOUNT_SID, AUTH_TOKEN),
      contentType: 'application/x-www-form-urlencoded' });
    expect(tw.seen[0].form).toEqual({ From: '+14155238886', To: '+15558675310', Body: 'Hi there', StatusCallback: '' });
    expect(outputOf(result, 'Twilio')).toEqual([{ json: expect.objectContaining({ sid: expect.stringMatching(/^SM/), status: 'queued', body: 'Hi there' }), pairedItem: { item: 0 } }]);
  });

  it('prefixes both numbers for WhatsApp and passes the status callback; API key auth', async () => {
    await run({ from: '+14155238886', to: '+15558675310', toWhatsapp: true, message: 'wa', options: { statusCallback: 'https://example.com/cb' } }, undefined, false,
      { authType: 'apiKey', accountSid: ACCOUNT_SID, apiKeySid: API_KEY_SID, apiKeySecret: API_KEY_SECRET });
    expect(tw.seen[0].authorization).toBe(basic(API_KEY_SID, API_KEY_SECRET));
    expect(tw.seen[0].form).toEqual({ From: 'whatsapp:+14155238886', To: 'whatsapp:+15558675310', Body: 'wa', StatusCallback: 'https://example.com/cb' });
  });

  it('fails with Twilio’s message; continue on fail gives error items', async () => {
    expect(errorOf(await run({ from: '+14155238886', to: '12', message: 'x' }))).toBe("Invalid 'To' Phone Number: 12");
    const kept = await run({ from: '+14155238886', to: '={{ $json.to }}', message: 'x' }, [{ json: { to: 'bad' } }, { json: { to: '+15558675310' } }], true);
    const out = outputOf(kept, 'Twilio');
    expect(out[0].json).toEqual({ error: "Invalid 'To' Phone Number: bad" });
    expect(out[1].json).toMatchObject({ status: 'queued' });
    expect(errorOf(await run({ from: '+14155238886', to: '+15558675310', message: 'x' }, undefined, false, { ...credential, authToken: 'wrong' }))).toBe('Authenticate');
  });

  it('waits out a 429 with Retry-After', async () => {
    tw.rateLimit(1);
    const started = Date.now();
    const result = await run({ from: '+14155238886', to: '+15558675310', message: 'later' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(tw.seen).toHaveLength(2);
    expect(outputOf(result, 'Twilio')[0].json).toMatchObject({ body: 'later' });
  });
});

describe('Twilio call', () => {
  it('makes a call saying the escaped message, or with the TwiML as given', async () => {
    const said = await run({ resource: 'call', from: '+14155238886', to: '+15558675310', message: 'Tom & Jerry <3' });
    expect(tw.seen[0]).toMatchObject({ path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json` });
    expect(tw.seen[0].form).toEqual({ From: '+14155238886', To: '+15558675310', Twiml: '<Response><Say>Tom &amp; Jerry &lt;3</Say></Response>', StatusCallback: '' });
    expect(outputOf(said, 'Twilio')[0].json).toMatchObject({ sid: expect.stringMatching(/^CA/) });
    await run({ resource: 'call', operation: 'make', from: '+14155238886', to: '+15558675310', twiml: true, message: '<Response><Play>https://x/a.mp3</Play></Response>' });
    expect(tw.seen[1].form.Twiml).toBe('<Response><Play>https://x/a.mp3</Play></Response>');
  });
});

describe('Twilio credential test', () => {
  it('reads the account with Basic auth', async () => {
    await expect(testTwilioCredential(credential, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testTwilioCredential({ ...credential, authToken: 'x' }, 5000)).rejects.toThrow('Twilio answered 401 Unauthorized: Your AccountSid or AuthToken was incorrect.');
  });
});
