// Microsoft Teams Trigger (n8n-nodes-base.microsoftTeamsTrigger v1): Microsoft Graph change
// notifications. Activation subscribes the node's https URL to the event's resources (Graph first
// posts a validationToken there, echoed back as text/plain), renewals keep the subscriptions from
// expiring (Graph allows under three days), deactivation deletes them. A notification starts a run
// only when it carries the clientState made for these subscriptions; each change becomes one item
// (its resourceData, as n8n outputs it). Lifecycle notifications renew or remake a subscription.
import { timingSafeEqual } from 'node:crypto';
import type { ExecuteContext, Item, JsonObject, NodeOutput, NodeType, WebhookAnswer, WebhookContext } from '../../engine/index.ts';
import { teamsMethods } from '../microsoft-teams/microsoft-teams-methods.ts';
import { teamsTriggerProperties } from './microsoft-teams-trigger.description.ts';
import { createSubscriptions, deleteSubscriptions, keepRenewing, renewSubscriptions, subscriptionsExist } from './teams-subscriptions.ts';

function sameSecret(expected: unknown, given: unknown): boolean {
  if (typeof expected !== 'string' || !expected || typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function answer(ctx: WebhookContext, status: number, text: string): WebhookAnswer {
  ctx.call.res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  ctx.call.res.end(text);
  return { noWebhookResponse: true };
}

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { call } = ctx;
  // Graph's check of the URL, when a subscription is made: the token back as it came, within 10 s.
  const token = call.query.validationToken;
  if (token !== undefined) return answer(ctx, 200, String(Array.isArray(token) ? token[0] : token));
  const notifications = (call.body as { value?: unknown } | undefined)?.value;
  if (!Array.isArray(notifications) || notifications.length === 0) return answer(ctx, 400, 'Expected Microsoft Graph change notifications ({"value": [...]})');
  const secret = ctx.getWorkflowStaticData('node').webhookSecret;
  if (!notifications.every((n) => sameSecret(secret, (n as JsonObject | null)?.clientState))) return answer(ctx, 401, 'Unauthorized');
  const changes: Item[] = [];
  for (const notification of notifications as JsonObject[]) {
    const lifecycle = notification.lifecycleEvent;
    if (lifecycle === undefined) {
      changes.push({ json: (notification.resourceData as JsonObject | undefined) ?? notification });
      continue;
    }
    // Graph waits 3 s for the answer: renewing (or remaking a removed subscription) goes on after it.
    if (lifecycle === 'reauthorizationRequired' || lifecycle === 'subscriptionRemoved') {
      renewSubscriptions(ctx, String(notification.subscriptionId)).catch((error: unknown) => ctx.emitError(error instanceof Error ? error : new Error(String(error))));
    }
  }
  if (changes.length === 0) return answer(ctx, 202, '');
  return { workflowData: [changes] };
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

export const microsoftTeamsTriggerNode: NodeType = {
  methods: teamsMethods,
  description: {
    name: 'n8n-nodes-base.microsoftTeamsTrigger',
    displayName: 'Microsoft Teams Trigger',
    icon: 'file:teams.svg',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow on Microsoft Teams events: new channels, channel and chat messages, chats and team members',
    defaults: { name: 'Microsoft Teams Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'microsoftTeamsOAuth2Api', required: true }],
    triggerKind: 'webhook',
    properties: teamsTriggerProperties,
  },
  execute,
  triggers: {
    webhooks: () => [{ name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived', isFullPath: false }],
    webhook,
    webhookSetup: {
      checkExists: subscriptionsExist,
      async create(ctx) {
        await createSubscriptions(ctx);
        return true;
      },
      delete: deleteSubscriptions,
    },
    // Armed after the webhook setup: renews the subscriptions it made before they expire.
    async trigger(ctx) {
      return keepRenewing(ctx);
    },
  },
};
