// Community webhook nodes: their `webhooks` descriptions resolved against the node's parameters,
// `this` inside webhook() (n8n's IWebhookFunctions on our WebhookContext), and webhookMethods
// (checkExists/create/delete) called with IHookFunctions when the workflow is (de)activated.
import type { NodeWebhook, TriggerContext, WebhookAnswer, WebhookContext } from '../../engine/index.ts';
import type { CredentialTypeLookup } from './execute-functions.ts';
import type { N8nNodeTypeInstance } from './n8n-types.ts';
import { buildTriggerFunctions, toOutputs } from './trigger-functions.ts';

/**
 * A description value: literal, or an expression reading a parameter (n8n nodes write
 * `={{$parameter["path"]}}`); other expressions are not evaluated here and give `fallback`.
 */
function describedValue(ctx: TriggerContext, value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  if (!value.startsWith('=')) return value;
  const param = /^=\{\{\s*\$parameter(?:\[["']([^"']+)["']\]|\.(\w+))\s*\}\}$/.exec(value);
  if (!param) return fallback;
  const got = ctx.getNodeParameter(param[1] ?? param[2], 0, fallback);
  return typeof got === 'string' ? got : fallback;
}

export function nodeWebhooks(instance: N8nNodeTypeInstance, ctx: TriggerContext): NodeWebhook[] {
  const list = (instance.description.webhooks ?? []) as Array<Record<string, unknown>>;
  return list.map((w) => ({
    name: String(w.name ?? 'default'),
    httpMethod: describedValue(ctx, w.httpMethod, 'GET').toUpperCase(),
    path: describedValue(ctx, w.path, ''),
    responseMode: describedValue(ctx, w.responseMode, 'onReceived'),
    isFullPath: w.isFullPath === true,
  }));
}

function buildWebhookFunctions(ctx: WebhookContext, instance: N8nNodeTypeInstance, credentialTypes: CredentialTypeLookup) {
  const { fns, dispose } = buildTriggerFunctions(ctx, instance.description, credentialTypes);
  const { call } = ctx;
  // n8n hands the Express request: `body` and `query` already parsed on it.
  const req = Object.assign(call.req, { body: call.body, query: call.query, params: call.params, ...(call.rawBody ? { rawBody: call.rawBody } : {}) });
  const res = expressLike(call.res);
  return {
    fns: {
      ...fns,
      getBodyData: () => (call.body ?? {}) as Record<string, unknown>,
      getHeaderData: () => call.headers,
      getQueryData: () => call.query,
      getParamsData: () => call.params,
      getRequestObject: () => req,
      getResponseObject: () => res,
      getWebhookName: () => call.webhookName,
    },
    dispose,
  };
}

export async function answerWebhook(instance: N8nNodeTypeInstance, ctx: WebhookContext, credentialTypes: CredentialTypeLookup): Promise<WebhookAnswer> {
  const { fns, dispose } = buildWebhookFunctions(ctx, instance, credentialTypes);
  try {
    const result = ((await instance.webhook!.call(fns)) ?? {}) as Record<string, unknown>;
    const answer: WebhookAnswer = {};
    if (Array.isArray(result.workflowData)) answer.workflowData = toOutputs(result.workflowData);
    if (result.noWebhookResponse === true) answer.noWebhookResponse = true;
    if (result.webhookResponse !== undefined) answer.webhookResponse = result.webhookResponse;
    return answer;
  } finally {
    dispose();
  }
}

/** n8n hands an Express response; nodes answer with status().send()/json(), so those are added. */
function expressLike(res: WebhookContext['call']['res']) {
  const out = res as typeof res & { status(code: number): typeof out; send(body?: unknown): typeof out; json(body: unknown): typeof out };
  if (typeof out.status !== 'function') out.status = (code: number) => { out.statusCode = code; return out; };
  if (typeof out.json !== 'function') {
    out.json = (body: unknown) => {
      if (!out.headersSent) out.setHeader('content-type', 'application/json; charset=utf-8');
      out.end(JSON.stringify(body));
      return out;
    };
  }
  if (typeof out.send !== 'function') {
    out.send = (body?: unknown) => {
      if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) return out.json(body);
      out.end(body === undefined ? undefined : Buffer.isBuffer(body) ? body : String(body));
      return out;
    };
  }
  return out;
}

type HookMethod = (this: unknown) => Promise<boolean>;

/** webhookMethods.default as our webhookSetup, or undefined when the node has none. */
export function webhookSetup(instance: N8nNodeTypeInstance, credentialTypes: CredentialTypeLookup) {
  const methods = (instance.webhookMethods as Record<string, Record<string, HookMethod>> | undefined)?.default;
  if (!methods) return undefined;
  const call = (name: string) => async (ctx: TriggerContext): Promise<boolean> => {
    const method = methods[name];
    if (typeof method !== 'function') return name === 'checkExists' ? false : true;
    const { fns, dispose } = buildTriggerFunctions(ctx, instance.description, credentialTypes);
    try {
      const result = await method.call({ ...fns, getWebhookName: () => 'default' });
      // checkExists answers the question; create/delete fail only when they say false.
      return name === 'checkExists' ? result === true : result !== false;
    } finally {
      dispose();
    }
  };
  return { checkExists: call('checkExists'), create: call('create'), delete: call('delete') };
}
