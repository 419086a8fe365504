// The JotForm Trigger against the JotForm API stand-in (jot-form-stand-in.ts): its webhook added to
// the form on activation and removed on deactivation, submissions shaped by resolveData/onlyAnswers,
// the forms list for the editor, and the credential check.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject, TriggerContext, WebhookContext } from '../../engine/index.ts';
import { methodContext } from '../node-methods.ts';
import { jotFormBaseUrl } from './jot-form-api.ts';
import { testJotFormCredential } from './jot-form-credential-test.ts';
import { FORM_ID, FORMS, JOTFORM_KEY, startJotFormStandIn, type JotFormStandIn } from './jot-form-stand-in.ts';
import { jotFormTriggerNode } from './jot-form-trigger.node.ts';

const HOOK_URL = 'https://weft.example.com/webhook/jf/webhook';
let jotform: JotFormStandIn;
beforeAll(async () => {
  jotform = await startJotFormStandIn();
  process.env.WEFT_JOTFORM_API_URL = jotform.url;
});
afterAll(async () => {
  delete process.env.WEFT_JOTFORM_API_URL;
  await jotform.close();
});
beforeEach(() => {
  jotform.seen.length = 0;
  jotform.hooks.clear();
});

function triggerContext(parameters: Record<string, unknown>, staticData: JsonObject = {}, apiKey = JOTFORM_KEY): TriggerContext {
  const ctx = methodContext({
    nodeType: jotFormTriggerNode, kind: 'loadOptions', method: 'getForms', typeVersion: 1, currentNodeParameters: parameters,
    credentials: { jotFormApi: { id: '1', name: 'JotForm' } },
  }, { getCredentials: async () => ({ apiKey, apiDomain: 'eu-api.jotform.com' }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...ctx, activation: 'activate', getWorkflowStaticData: () => staticData, emit: () => {}, emitError: () => {}, webhookUrl: () => HOOK_URL };
}

const RAW_REQUEST = {
  slug: `submit/${FORM_ID}`, event_id: '1711111111111_241234567890123_abcdef',
  q3_fullName: { first: 'Ada', last: 'Lovelace' }, q4_email: 'ada@example.com', q5_typeA: 'Hello there', q9_unknown: 'dropped',
};
/** The multipart fields JotForm posts, as the webhook server hands them over (strings). */
const SUBMISSION = {
  action: '', webhookURL: HOOK_URL, username: 'ada', formID: FORM_ID, type: 'WEB', formTitle: 'Contact Us',
  pretty: 'Full Name:Ada Lovelace, E-mail:ada@example.com, Your message:Hello there', submissionID: '5912345678901234567', ip: '203.0.113.7',
  rawRequest: JSON.stringify(RAW_REQUEST),
};

function delivery(ctx: TriggerContext, body: JsonObject): WebhookContext {
  const res = { writeHead() { return res; }, end() { return res; } } as unknown as ServerResponse;
  return { ...ctx, call: { webhookName: 'default', method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, query: {}, params: {}, body, req: {} as IncomingMessage, res } };
}

const setup = jotFormTriggerNode.triggers!.webhookSetup!;
const hook = jotFormTriggerNode.triggers!.webhook!;

describe('JotForm Trigger', () => {
  it('adds its webhook to the form, finds it again by URL and deletes it by id', async () => {
    jotform.hooks.set('0', 'https://someone-else.example.com/hook');
    const data: JsonObject = {};
    const ctx = triggerContext({ form: FORM_ID }, data);
    expect(await setup.checkExists(ctx)).toBe(false);
    expect(await setup.create(ctx)).toBe(true);
    const post = jotform.seen[1];
    expect(post).toMatchObject({ method: 'POST', path: `/form/${FORM_ID}/webhooks`, apiKey: JOTFORM_KEY, form: { webhookURL: HOOK_URL } });
    expect(post.contentType).toBe('application/x-www-form-urlencoded');
    expect(data.webhookId).toBe('1');

    const later: JsonObject = {};
    expect(await setup.checkExists(triggerContext({ form: FORM_ID }, later))).toBe(true);
    expect(later.webhookId).toBe('1');

    expect(await setup.delete(ctx)).toBe(true);
    expect(jotform.seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/form/${FORM_ID}/webhooks/1` });
    expect([...jotform.hooks.values()]).toEqual(['https://someone-else.example.com/hook']);
    expect(data).toEqual({});
    // A second delete finds nothing to remove and says so.
    expect(await setup.delete(triggerContext({ form: FORM_ID }, { webhookId: '1' }))).toBe(false);
  });

  it('reports what JotForm said when registration fails, and waits out a 429', async () => {
    await expect(setup.create(triggerContext({ form: '999' }))).rejects.toMatchObject({ message: 'The resource you are requesting could not be found', details: { description: 'Form not found' } });
    await expect(setup.create(triggerContext({ form: FORM_ID }, {}, 'wrong'))).rejects.toMatchObject({ message: 'Authorization failed - please check your credentials' });
    jotform.rateLimitOnce(0);
    expect(await setup.create(triggerContext({ form: FORM_ID }))).toBe(true);
    expect(jotform.hooks.size).toBe(1);
  });

  it('shapes a submission by resolveData and onlyAnswers', async () => {
    const run = async (parameters: Record<string, unknown>) => (await hook(delivery(triggerContext({ form: FORM_ID, ...parameters }), SUBMISSION))).workflowData;
    const answers = { 'Full Name': { first: 'Ada', last: 'Lovelace' }, 'E-mail': 'ada@example.com', 'Your message': 'Hello there' };
    expect(await run({})).toEqual([[{ json: answers }]]);
    expect(jotform.seen.at(-1)).toMatchObject({ method: 'GET', path: `/form/${FORM_ID}/questions`, apiKey: JOTFORM_KEY });
    expect(await run({ resolveData: true, onlyAnswers: false })).toEqual([[{ json: { ...SUBMISSION, rawRequest: answers } }]]);
    jotform.seen.length = 0;
    expect(await run({ resolveData: false, onlyAnswers: true })).toEqual([[{ json: RAW_REQUEST }]]);
    expect(await run({ resolveData: false, onlyAnswers: false })).toEqual([[{ json: { ...SUBMISSION, rawRequest: RAW_REQUEST } }]]);
    expect(jotform.seen).toEqual([]);
    await expect(hook(delivery(triggerContext({ form: FORM_ID }), { formID: FORM_ID }))).rejects.toThrow('The submission has no readable rawRequest field');
  });

  it('lists the forms for the editor and checks the key', async () => {
    expect(await jotFormTriggerNode.methods!.loadOptions!.getForms(triggerContext({}))).toEqual(FORMS.map((f) => ({ name: f.title, value: f.id })));
    expect(jotform.seen[0]).toMatchObject({ path: '/user/forms', query: { limit: '1000' } });
    expect(await testJotFormCredential({ apiKey: JOTFORM_KEY }, 5000)).toBe('Connection tested successfully');
    await expect(testJotFormCredential({ apiKey: 'nope' }, 5000)).rejects.toThrow("Authorization failed - please check your credentials: You're not authorized to use (/user)");
    // Without the stand-in's override the credential's region picks the host.
    const standIn = process.env.WEFT_JOTFORM_API_URL;
    delete process.env.WEFT_JOTFORM_API_URL;
    try {
      expect([jotFormBaseUrl({ apiDomain: 'eu-api.jotform.com' }), jotFormBaseUrl({})]).toEqual(['https://eu-api.jotform.com', 'https://api.jotform.com']);
    } finally {
      process.env.WEFT_JOTFORM_API_URL = standIn;
    }
  });
});
