// Typeform Trigger (n8n-nodes-base.typeformTrigger v1, v1.1): on activation it registers the node's
// URL with the form (PUT /forms/{form_id}/webhooks/{tag}, a tag `n8n-<random>` and a random secret
// kept in the node's static data), finds it again by URL (GET /forms/{form_id}/webhooks) and deletes
// it on deactivation. A delivery must carry `Typeform-Signature: sha256=<base64 HMAC-SHA256 of the
// raw body>` when a secret is kept (else 401, no run); its form_response becomes one item shaped by
// simplifyAnswers/onlyAnswers as n8n's does.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeOutput, type NodeType, type TriggerContext, type WebhookAnswer, type WebhookContext } from '../../engine/index.ts';
import { param } from '../shared/params.ts';
import { typeformItems } from './typeform-answers.ts';
import { typeformRequest, typeformRequestAll } from './typeform-api.ts';
import { typeformCredentials, typeformTriggerProperties } from './typeform-trigger.description.ts';

const formOf = (ctx: ExecuteContext) => String(param<unknown>(ctx, 'formId', 0, '') ?? '');
const hooksPath = (ctx: ExecuteContext) => `/forms/${encodeURIComponent(formOf(ctx))}/webhooks`;

const webhookSetup = {
  async checkExists(ctx: TriggerContext): Promise<boolean> {
    const data = ctx.getWorkflowStaticData('node');
    const url = ctx.webhookUrl('default');
    const answer = await typeformRequest(ctx, 'GET', hooksPath(ctx));
    const hook = ((answer.items as JsonObject[] | undefined) ?? []).find((item) => item.form_id === formOf(ctx) && item.url === url);
    if (!hook) return false;
    data.webhookId = hook.tag;
    return true;
  },
  async create(ctx: TriggerContext): Promise<boolean> {
    const tag = `n8n-${randomBytes(8).toString('hex').slice(0, 13)}`;
    const secret = randomBytes(32).toString('hex');
    await typeformRequest(ctx, 'PUT', `${hooksPath(ctx)}/${tag}`, { url: ctx.webhookUrl('default'), enabled: true, verify_ssl: true, secret });
    const data = ctx.getWorkflowStaticData('node');
    data.webhookId = tag;
    data.webhookSecret = secret;
    return true;
  },
  async delete(ctx: TriggerContext): Promise<boolean> {
    const data = ctx.getWorkflowStaticData('node');
    if (data.webhookId !== undefined) {
      try {
        await typeformRequest(ctx, 'DELETE', `${hooksPath(ctx)}/${String(data.webhookId)}`);
      } catch {
        return false;
      }
      delete data.webhookId;
      delete data.webhookSecret;
    }
    return true;
  },
};

/** Whether the delivery carries Typeform's `sha256=<base64 HMAC>` under our secret; true when no secret is kept. */
export function typeformSignatureValid(secret: unknown, header: unknown, rawBody: Buffer | undefined): boolean {
  if (typeof secret !== 'string' || !secret || !rawBody) return true;
  const given = Buffer.from(String(Array.isArray(header) ? header[0] : (header ?? '')));
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('base64')}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { call } = ctx;
  if (!typeformSignatureValid(ctx.getWorkflowStaticData('node').webhookSecret, call.headers['typeform-signature'], call.rawBody)) {
    call.res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
    call.res.end('Unauthorized');
    return { noWebhookResponse: true };
  }
  const body = (call.body && typeof call.body === 'object' ? call.body : {}) as JsonObject;
  let items: JsonObject[];
  try {
    items = typeformItems(body, {
      simplifyAnswers: param(ctx, 'simplifyAnswers', 0, true),
      onlyAnswers: param(ctx, 'onlyAnswers', 0, true),
      typeVersion: ctx.node.typeVersion,
    });
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, (error as Error).message);
  }
  return { workflowData: [items.map((json) => ({ json }))] };
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

export const typeformTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.typeformTrigger',
    displayName: 'Typeform Trigger',
    icon: 'fa:clipboard-list',
    group: ['trigger'],
    version: [1, 1.1],
    description: 'Starts the workflow on a Typeform form submission',
    defaults: { name: 'Typeform Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: typeformCredentials,
    triggerKind: 'webhook',
    properties: typeformTriggerProperties,
  },
  execute,
  methods: {
    loadOptions: {
      async getForms(ctx) {
        const forms = await typeformRequestAll(ctx, '/forms');
        return forms.map((form) => ({ name: String(form.title ?? ''), value: String(form.id ?? '') }));
      },
    },
  },
  triggers: {
    webhooks: () => [{ name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived', isFullPath: false }],
    webhook,
    webhookSetup,
  },
};
