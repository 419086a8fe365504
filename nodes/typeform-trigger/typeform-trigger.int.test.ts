// The Typeform Trigger against the local stand-in for Typeform's API (typeform-stand-in.ts): its
// webhook registered on activation and removed on deactivation, signed deliveries checked, answers
// shaped as n8n does, the forms list for the editor, and the credential check.
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Item, JsonObject, TriggerContext, WebhookContext } from '../../engine/index.ts';
import { methodContext } from '../node-methods.ts';
import { testTypeformCredential } from './typeform-credential-test.ts';
import { FORMS, TYPEFORM_TOKEN, startTypeformStandIn, type TypeformStandIn } from './typeform-stand-in.ts';
import { typeformTriggerNode } from './typeform-trigger.node.ts';

let typeform: TypeformStandIn;
beforeAll(async () => {
  typeform = await startTypeformStandIn();
  process.env.WEFT_TYPEFORM_API_URL = typeform.url;
});
afterAll(async () => {
  delete process.env.WEFT_TYPEFORM_API_URL;
  await typeform.close();
});
beforeEach(() => {
  typeform.seen.length = 0;
  typeform.hooks.clear();
});

const HOOK_URL = 'https://weft.example.com/webhook/abc/webhook';

function triggerContext(parameters: Record<string, unknown>, staticData: JsonObject, typeVersion = 1.1): TriggerContext {
  const ctx = methodContext({
    nodeType: typeformTriggerNode, kind: 'loadOptions', method: 'getForms', typeVersion, currentNodeParameters: parameters,
    credentials: { typeformApi: { id: '1', name: 'Typeform' } },
  }, { getCredentials: async () => ({ accessToken: TYPEFORM_TOKEN }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...ctx, activation: 'activate', getWorkflowStaticData: () => staticData, emit: () => {}, emitError: () => {}, webhookUrl: () => HOOK_URL };
}

function delivery(ctx: TriggerContext, body: JsonObject, signature?: string): { ctx: WebhookContext; status: () => number | undefined } {
  const rawBody = Buffer.from(JSON.stringify(body));
  let status: number | undefined;
  const res = { writeHead(code: number) { status = code; return res; }, end() { return res; } } as unknown as ServerResponse;
  const call = {
    webhookName: 'default', method: 'POST', headers: signature ? { 'typeform-signature': signature } : {}, query: {}, params: {}, body, rawBody,
    req: {} as IncomingMessage, res,
  };
  return { ctx: { ...ctx, call }, status: () => status };
}

const RESPONSE = {
  event_id: 'ev1', event_type: 'form_response',
  form_response: {
    form_id: 'form1', token: 'tok1', submitted_at: '2024-03-01T10:00:00Z',
    definition: { id: 'form1', title: 'Signup', fields: [
      { id: 'f1', title: 'Your {{field:name}}?', type: 'short_text' },
      { id: 'f2', title: 'Plan', type: 'multiple_choice' },
      { id: 'f3', title: 'Extras', type: 'multiple_choice' },
      { id: 'f4', title: 'Age', type: 'number' },
    ] },
    answers: [
      { type: 'text', text: 'Ada', field: { id: 'f1', type: 'short_text', ref: 'r1' } },
      { type: 'choice', choice: { label: 'Pro' }, field: { id: 'f2', type: 'multiple_choice', ref: 'r2' } },
      { type: 'choices', choices: { labels: ['A', 'B'] }, field: { id: 'f3', type: 'multiple_choice', ref: 'r3' } },
      { type: 'number', number: 36, field: { id: 'f4', type: 'number', ref: 'r4' } },
    ],
  },
};

describe('Typeform Trigger', () => {
  it('registers its webhook with a secret, finds it again by URL and deletes it', async () => {
    const data: JsonObject = {};
    const ctx = triggerContext({ formId: 'form1' }, data);
    const setup = typeformTriggerNode.triggers!.webhookSetup!;
    expect(await setup.checkExists(ctx)).toBe(false);
    expect(await setup.create(ctx)).toBe(true);
    const put = typeform.seen[1];
    expect(put.method).toBe('PUT');
    expect(put.path).toMatch(/^\/forms\/form1\/webhooks\/n8n-[a-z0-9]+$/);
    expect(put.authorization).toBe(`bearer ${TYPEFORM_TOKEN}`);
    expect(put.body).toEqual({ url: HOOK_URL, enabled: true, verify_ssl: true, secret: data.webhookSecret });
    expect(data.webhookId).toBe(put.path.split('/').pop());
    expect(typeof data.webhookSecret).toBe('string');

    const later: JsonObject = {};
    expect(await setup.checkExists(triggerContext({ formId: 'form1' }, later))).toBe(true);
    expect(later.webhookId).toBe(data.webhookId);

    expect(await setup.delete(ctx)).toBe(true);
    expect(typeform.seen.at(-1)).toMatchObject({ method: 'DELETE', path: put.path });
    expect(typeform.hooks.size).toBe(0);
    expect(data).toEqual({});
  });

  it('waits out a 429 and reports what Typeform said on failures', async () => {
    const ctx = triggerContext({ formId: 'form1' }, {});
    typeform.rateLimitOnce(0);
    expect(await typeformTriggerNode.triggers!.webhookSetup!.checkExists(ctx)).toBe(false);
    expect(typeform.seen.map((r) => r.path)).toEqual(['/forms/form1/webhooks', '/forms/form1/webhooks']);
    await expect(typeformTriggerNode.triggers!.webhookSetup!.create(triggerContext({ formId: 'nope' }, {})))
      .rejects.toMatchObject({ message: 'The resource you are requesting could not be found', details: { description: 'Non existing form with uid nope' } });
  });

  it('refuses a delivery whose signature does not match the kept secret', async () => {
    const data: JsonObject = { webhookId: 'n8n-x', webhookSecret: 'shh' };
    const ctx = triggerContext({ formId: 'form1' }, data);
    const bad = delivery(ctx, RESPONSE, 'sha256=AAAA');
    expect(await typeformTriggerNode.triggers!.webhook!(bad.ctx)).toEqual({ noWebhookResponse: true });
    expect(bad.status()).toBe(401);
    const signature = `sha256=${createHmac('sha256', 'shh').update(JSON.stringify(RESPONSE)).digest('base64')}`;
    const good = delivery(ctx, RESPONSE, signature);
    const answer = await typeformTriggerNode.triggers!.webhook!(good.ctx);
    expect(answer.workflowData?.[0]).toEqual([{ json: { 'Your [field:name]?': 'Ada', Plan: 'Pro', Extras: ['A', 'B'], Age: 36 } }]);
  });

  it('shapes answers by simplifyAnswers/onlyAnswers and typeVersion', async () => {
    const run = async (parameters: Record<string, unknown>, typeVersion: number) =>
      ((await typeformTriggerNode.triggers!.webhook!(delivery(triggerContext({ formId: 'form1', ...parameters }, {}), RESPONSE).ctx)).workflowData?.[0] as Item[]).map((i) => i.json);
    expect(await run({ simplifyAnswers: true, onlyAnswers: false }, 1.1)).toEqual([{
      ...RESPONSE, form_response: { ...RESPONSE.form_response, answers: { 'Your [field:name]?': 'Ada', Plan: 'Pro', Extras: ['A', 'B'], Age: 36 } },
    }]);
    const byId = await run({ simplifyAnswers: false, onlyAnswers: true }, 1.1);
    expect(Object.keys(byId[0])).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(byId[0].f2).toEqual(RESPONSE.form_response.answers[1]);
    expect(await run({ simplifyAnswers: false, onlyAnswers: false }, 1)).toEqual([RESPONSE]);
    await expect(typeformTriggerNode.triggers!.webhook!(delivery(triggerContext({ formId: 'form1' }, {}), { event_type: 'form_response' }).ctx))
      .rejects.toThrow('Expected definition/answers data is missing!');
  });

  it('lists the forms for the editor across pages, and checks the token', async () => {
    const ctx = triggerContext({ formId: '' }, {});
    const options = await typeformTriggerNode.methods!.loadOptions!.getForms(ctx);
    expect(options).toEqual(FORMS.map((form) => ({ name: form.title, value: form.id })));
    expect(typeform.seen[0].query).toEqual({ page_size: '200', page: '1' });
    expect(await testTypeformCredential({ accessToken: TYPEFORM_TOKEN }, 5000)).toBe('Authentication successful!');
    await expect(testTypeformCredential({ accessToken: 'wrong' }, 5000)).rejects.toThrow('Token is not valid; Forbidden - perhaps check your credentials?: Invalid token');
  });
});
