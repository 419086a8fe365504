// Calendly Trigger (n8n-nodes-base.calendlyTrigger v1): on activation registers the workflow's
// webhook URL with Calendly, on deactivation removes it, and starts a run per delivery with the
// delivery's body. With an access token (a personal access token, or OAuth2) it uses API v2's
// webhook subscriptions for the current user's organization, scoped to the user or the whole
// organization, keeping the subscription URI (`webhookURI`) and the signing key it chose
// (`webhookSecret`) in the node's static data, and checks each delivery's
// Calendly-Webhook-Signature. With a legacy v1 API key (no dots) it uses v1's /hooks, keeping
// `webhookId`, as n8n still does.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeOutput, type NodeProperty, type NodeType, type TriggerContext, type WebhookAnswer, type WebhookContext } from '../../engine/index.ts';
import { param } from '../shared/params.ts';
import { withCalendly, type CalendlyClient } from './calendly-api.ts';

const properties: NodeProperty[] = [
  {
    displayName: 'Authentication', name: 'authentication', type: 'options', default: 'apiKey',
    options: [{ name: 'OAuth2 (recommended)', value: 'oAuth2' }, { name: 'API Key or Personal Access Token', value: 'apiKey' }],
  },
  {
    displayName: 'Action required: Calendly will discontinue API Key authentication on May 31, 2025. Update node to use OAuth2 authentication now to ensure your workflows continue to work.',
    name: 'deprecationNotice', type: 'notice', default: '', displayOptions: { show: { authentication: ['apiKey'] } },
  },
  {
    displayName: 'Scope', name: 'scope', type: 'options', default: 'user', required: true,
    options: [
      { name: 'Organization', value: 'organization', description: 'Triggers the webhook for all subscribed events within the organization' },
      { name: 'User', value: 'user', description: 'Triggers the webhook for subscribed events that belong to the current user' },
    ],
  },
  {
    displayName: 'Events', name: 'events', type: 'multiOptions', default: [], required: true,
    options: [
      { name: 'Event Created', value: 'invitee.created', description: 'Receive notifications when a new Calendly event is created' },
      { name: 'Event Canceled', value: 'invitee.canceled', description: 'Receive notifications when a Calendly event is canceled' },
    ],
  },
];

const eventsOf = (ctx: ExecuteContext) => {
  const value = param<unknown>(ctx, 'events', 0, []);
  return (Array.isArray(value) ? value : [value]).map(String).filter(Boolean);
};
const sameEvents = (wanted: string[], have: unknown) =>
  Array.isArray(have) && have.length === wanted.length && wanted.every((event) => have.includes(event));

interface Owner { user: string; organization: string }

/** The current user's URI and organization (GET /users/me). */
async function owner(client: CalendlyClient): Promise<Owner | undefined> {
  const resource = ((await client.request({ method: 'GET', path: '/users/me' })).resource ?? {}) as JsonObject;
  if (typeof resource.uri !== 'string' || typeof resource.current_organization !== 'string') return undefined;
  return { user: resource.uri, organization: resource.current_organization };
}

function scopeQuery(scope: string, who: Owner): Record<string, string> {
  return scope === 'user' ? { scope: 'user', organization: who.organization, user: who.user } : { scope: 'organization', organization: who.organization };
}

const webhookSetup = {
  async checkExists(ctx: TriggerContext): Promise<boolean> {
    const url = ctx.webhookUrl('default');
    const data = ctx.getWorkflowStaticData('node');
    const events = eventsOf(ctx);
    return withCalendly(ctx, async (client) => {
      if (client.auth.kind === 'apiKey') {
        const hooks = ((await client.request({ method: 'GET', path: '/hooks' })).data ?? []) as JsonObject[];
        const hook = hooks.find((h) => (h.attributes as JsonObject | undefined)?.url === url && sameEvents(events, (h.attributes as JsonObject).events));
        if (!hook) return false;
        data.webhookId = String(hook.id);
        return true;
      }
      const who = await owner(client);
      if (!who) return false;
      const scope = String(param(ctx, 'scope', 0, 'user'));
      const collection = ((await client.request({ method: 'GET', path: '/webhook_subscriptions', query: scopeQuery(scope, who) })).collection ?? []) as JsonObject[];
      const found = collection.find((hook) => hook.callback_url === url && typeof hook.uri === 'string' && sameEvents(events, hook.events));
      if (!found) return false;
      data.webhookURI = found.uri;
      return true;
    });
  },

  async create(ctx: TriggerContext): Promise<boolean> {
    const url = ctx.webhookUrl('default');
    const data = ctx.getWorkflowStaticData('node');
    const events = eventsOf(ctx);
    return withCalendly(ctx, async (client) => {
      if (client.auth.kind === 'apiKey') {
        const hook = await client.request({ method: 'POST', path: '/hooks', body: { url, events } });
        if (hook.id === undefined) return false;
        data.webhookId = String(hook.id);
        return true;
      }
      if (!url.startsWith('https://')) {
        throw new NodeOperationError(ctx.node.name, 'Calendly requires a public HTTPS webhook URL', {
          description: 'Set the webhook URL to a public HTTPS address, or use a tunnel while testing locally.',
        });
      }
      const who = await owner(client);
      if (!who) return false;
      const scope = String(param(ctx, 'scope', 0, 'user'));
      const secret = randomBytes(32).toString('hex');
      const body: JsonObject = { url, events, organization: who.organization, scope, signing_key: secret };
      if (scope === 'user') body.user = who.user;
      const resource = ((await client.request({ method: 'POST', path: '/webhook_subscriptions', body })).resource ?? {}) as JsonObject;
      if (typeof resource.uri !== 'string') return false;
      data.webhookURI = resource.uri;
      data.webhookSecret = secret;
      return true;
    });
  },

  async delete(ctx: TriggerContext): Promise<boolean> {
    const data = ctx.getWorkflowStaticData('node');
    return withCalendly(ctx, async (client) => {
      try {
        if (client.auth.kind === 'apiKey' && data.webhookId !== undefined) {
          await client.request({ method: 'DELETE', path: `/hooks/${String(data.webhookId)}` });
          delete data.webhookId;
        }
        if (client.auth.kind === 'accessToken' && typeof data.webhookURI === 'string') {
          await client.request({ method: 'DELETE', path: data.webhookURI });
          delete data.webhookURI;
          delete data.webhookSecret;
        }
      } catch {
        return false;
      }
      return true;
    });
  },
};

/** Signatures older (or newer) than this are refused, against replays. */
const SIGNATURE_TOLERANCE_S = 300;

/**
 * Calendly's `Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * under the subscription's signing key. True when no key is kept (subscriptions made before signing).
 */
export function calendlySignatureValid(secret: unknown, header: unknown, rawBody: Buffer | undefined, nowMs = Date.now()): boolean {
  if (typeof secret !== 'string' || !secret) return true;
  const parts = new Map(String(Array.isArray(header) ? header[0] : (header ?? '')).split(',').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
  }));
  const stamp = parts.get('t');
  const given = parts.get('v1');
  if (!stamp || !given || !rawBody || !/^\d+$/.test(stamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(stamp)) > SIGNATURE_TOLERANCE_S) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${stamp}.`).update(rawBody).digest('hex'));
  const provided = Buffer.from(given);
  return expected.length === provided.length && timingSafeEqual(expected, provided);
}

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { call } = ctx;
  if (!calendlySignatureValid(ctx.getWorkflowStaticData('node').webhookSecret, call.headers['calendly-webhook-signature'], call.rawBody)) {
    call.res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
    call.res.end('Unauthorized');
    return { noWebhookResponse: true };
  }
  const body = call.body;
  const list = Array.isArray(body) ? body : [body ?? {}];
  return { workflowData: [list.map((json) => ({ json: (json && typeof json === 'object' ? json : { data: json }) as JsonObject }))] };
}

/** A manual run without pinned data passes on what it was given (the editor shows the pinned event). */
async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

export const calendlyTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.calendlyTrigger',
    displayName: 'Calendly Trigger',
    icon: 'file:calendly.svg',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow when Calendly events occur',
    defaults: { name: 'Calendly Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [
      { name: 'calendlyApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
      { name: 'calendlyOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
    ],
    triggerKind: 'webhook',
    properties,
  },
  execute,
  triggers: {
    webhooks: () => [{ name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived', isFullPath: false }],
    webhook,
    webhookSetup,
  },
};
