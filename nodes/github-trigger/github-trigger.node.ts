// GitHub Trigger (n8n-nodes-base.githubTrigger v1): on activation it creates a repository hook
// (POST /repos/{owner}/{repo}/hooks, JSON content, the chosen events and a random secret kept in the
// node's static data), checks it by id later and deletes it on deactivation. Each delivery must be
// signed with that secret (X-Hub-Signature-256, HMAC-SHA256 of the raw body), else it is refused 401
// without a run; GitHub's ping answers OK without a run; any other delivery starts a run with
// `{body, headers, query}` as n8n's does.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeOutput, type NodeType, type TriggerContext, type WebhookAnswer, type WebhookContext } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { GithubApiError, githubRequest, githubServer, type GithubCall, type GithubConnection } from '../github/github-api.ts';
import { githubCredentials } from '../github/github.description.ts';
import { locatorValue } from '../github/github-locator.ts';
import { collection, param } from '../shared/params.ts';
import { githubTriggerProperties } from './github-trigger.description.ts';
import { githubTriggerMethods } from '../github/github-methods.ts';

async function withGithub<T>(ctx: ExecuteContext, use: (call: GithubCall, conn: GithubConnection) => Promise<T>): Promise<T> {
  const oauth = param(ctx, 'authentication', 0, 'accessToken') === 'oAuth2';
  const data = await ctx.credentials.get(oauth ? 'githubOAuth2Api' : 'githubApi');
  const token = oauth ? (data.oauthTokenData as JsonObject | undefined)?.access_token : data.accessToken;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await use({ transport, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, nodeName: ctx.node.name }, { server: githubServer(data), token: String(token ?? '') });
  } finally {
    await transport.close();
  }
}

const hooksPath = (ctx: ExecuteContext) =>
  `/repos/${locatorValue('owner', param<unknown>(ctx, 'owner', 0, ''))}/${locatorValue('repository', param<unknown>(ctx, 'repository', 0, ''))}/hooks`;
const eventsOf = (ctx: ExecuteContext) => {
  const value = param<unknown>(ctx, 'events', 0, []);
  return Array.isArray(value) ? value.map(String) : [];
};

const webhookSetup = {
  async checkExists(ctx: TriggerContext): Promise<boolean> {
    const data = ctx.getWorkflowStaticData('node');
    if (data.webhookId === undefined) return false;
    try {
      await withGithub(ctx, (call, conn) => githubRequest(call, conn, { method: 'GET', endpoint: `${hooksPath(ctx)}/${String(data.webhookId)}` }));
      return true;
    } catch (error) {
      if (error instanceof GithubApiError && error.statusCode === 404) {
        delete data.webhookId;
        delete data.webhookEvents;
        delete data.webhookSecret;
        return false;
      }
      throw error;
    }
  },
  async create(ctx: TriggerContext): Promise<boolean> {
    const url = ctx.webhookUrl('default');
    const events = eventsOf(ctx);
    const secret = randomBytes(32).toString('hex');
    const insecure = collection(ctx, 'options', 0).insecureSSL === true;
    const body = { name: 'web', config: { url, content_type: 'json', secret, insecure_ssl: insecure ? '1' : '0' }, events, active: true };
    const data = ctx.getWorkflowStaticData('node');
    const hook = await withGithub(ctx, async (call, conn) => {
      try {
        return await githubRequest(call, conn, { method: 'POST', endpoint: hooksPath(ctx), body }) as JsonObject;
      } catch (error) {
        if (!(error instanceof GithubApiError) || error.statusCode !== 422) throw error;
        // A hook for this URL exists already: n8n adopts it when its events are the same.
        const hooks = await githubRequest(call, conn, { method: 'GET', endpoint: hooksPath(ctx) }) as JsonObject[];
        const same = (Array.isArray(hooks) ? hooks : []).find((h) => (h.config as JsonObject | undefined)?.url === url && JSON.stringify(h.events) === JSON.stringify(events));
        if (!same) throw new NodeOperationError(ctx.node.name, 'A webhook with the identical URL probably exists already. Please delete it manually on Github!');
        // Its secret is not ours to read, so deliveries are taken unsigned as n8n does for hooks made before secrets.
        data.webhookId = same.id;
        data.webhookEvents = same.events;
        delete data.webhookSecret;
        return undefined;
      }
    });
    if (!hook) return true;
    if (hook.id === undefined || hook.active !== true) {
      throw new NodeOperationError(ctx.node.name, 'Github webhook creation response did not contain the expected data.');
    }
    data.webhookId = hook.id;
    data.webhookEvents = hook.events;
    data.webhookSecret = secret;
    return true;
  },
  async delete(ctx: TriggerContext): Promise<boolean> {
    const data = ctx.getWorkflowStaticData('node');
    if (data.webhookId === undefined) return true;
    try {
      await withGithub(ctx, (call, conn) => githubRequest(call, conn, { method: 'DELETE', endpoint: `${hooksPath(ctx)}/${String(data.webhookId)}` }));
    } catch {
      return false;
    }
    delete data.webhookId;
    delete data.webhookEvents;
    delete data.webhookSecret;
    return true;
  },
};

/** Whether the delivery carries `sha256=<HMAC of the raw body>` under our secret; true when no secret is kept. */
export function signatureValid(secret: unknown, header: unknown, rawBody: Buffer | undefined): boolean {
  if (typeof secret !== 'string' || !secret) return true;
  const given = String(Array.isArray(header) ? header[0] : (header ?? ''));
  if (!given.startsWith('sha256=') || !rawBody) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(rawBody).digest('hex'));
  const provided = Buffer.from(given.slice('sha256='.length));
  return expected.length === provided.length && timingSafeEqual(expected, provided);
}

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { call } = ctx;
  if (!signatureValid(ctx.getWorkflowStaticData('node').webhookSecret, call.headers['x-hub-signature-256'], call.rawBody)) {
    call.res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
    call.res.end('Unauthorized');
    return { noWebhookResponse: true };
  }
  const body = (call.body && typeof call.body === 'object' ? call.body : {}) as JsonObject;
  // GitHub's ping (sent when a hook is created) has a hook_id and no action: answer, start nothing.
  if (body.hook_id !== undefined && body.action === undefined) return { webhookResponse: 'OK' };
  return { workflowData: [[{ json: { body, headers: call.headers as JsonObject, query: call.query as JsonObject } }]] };
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

export const githubTriggerNode: NodeType = {
  methods: githubTriggerMethods,
  description: {
    name: 'n8n-nodes-base.githubTrigger',
    displayName: 'Github Trigger',
    icon: 'fa:code-branch',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow when Github events occur',
    defaults: { name: 'Github Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: githubCredentials,
    triggerKind: 'webhook',
    properties: githubTriggerProperties,
  },
  execute,
  triggers: {
    webhooks: () => [{ name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived', isFullPath: false }],
    webhook,
    webhookSetup,
  },
};
