// Microsoft Graph change-notification subscriptions for the Teams Trigger: which resources an event
// watches (n8n's paths), creating them (Graph calls the URL back with a validationToken before it
// answers), renewing them before they expire, and deleting them. What is kept in the node's static
// data: `subscriptionIds` (n8n's name), `webhookSecret` (the clientState Graph sends back with every
// notification) and `subscriptions` (id, resource and expiry of each, for renewal).
import { randomBytes } from 'node:crypto';
import { NodeOperationError, type ExecuteContext, type JsonObject, type TriggerContext } from '../../engine/index.ts';
import { graphRequest, graphRequestAll, segment, withTeamsClient, type TeamsClient } from '../microsoft-teams/microsoft-teams-api.ts';
import { locatorValue } from '../microsoft-teams/microsoft-teams-locators.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { param } from '../shared/params.ts';

/** What n8n asks for: just under Graph's 4,320-minute limit for Teams resources. */
export const LIFETIME_MS = 4318 * 60_000;
/** Renew this long before expiry (or at half the time left, when less remains). */
export const RENEW_BEFORE_MS = 60 * 60_000;
/** Subscriptions closer to expiry than this are not worth keeping (n8n's threshold). */
const STILL_VALID_MS = 5 * 60_000;

export interface KeptSubscription { id: string; resource: string; expirationDateTime: string }

/** A locator's value; links give the part Teams puts the id in (team groupId, channel/…, conversations/…). */
function idOf(ctx: ExecuteContext, name: 'teamId' | 'channelId' | 'chatId'): string {
  const value = param<unknown>(ctx, name, 0, '');
  const mode = value && typeof value === 'object' ? (value as { mode?: string }).mode : undefined;
  // A team's link is read by the Teams node's locatorValue (its groupId); channel and chat links here.
  if (mode !== 'url' || name === 'teamId') return locatorValue(value);
  const text = String((value as { value?: unknown }).value ?? '').trim();
  const found = name === 'channelId' ? /channel\/([^/?]+)/.exec(text) : /conversations\/([^/?]+)/i.exec(text);
  return decodeURIComponent(found?.[1] ?? text);
}

function required(ctx: ExecuteContext, name: 'teamId' | 'channelId' | 'chatId'): string {
  const id = idOf(ctx, name);
  if (!id) throw new NodeOperationError(ctx.node.name, `No ${name === 'teamId' ? 'team' : name === 'channelId' ? 'channel' : 'chat'} is selected`);
  return id;
}

const joinedTeams = async (client: TeamsClient) => (await graphRequestAll(client, '/v1.0/me/joinedTeams')).map((t) => String(t.id));
const channelsOf = async (client: TeamsClient, teamId: string) => (await graphRequestAll(client, `/v1.0/teams/${segment(teamId)}/channels`)).map((c) => String(c.id));

/** The Graph resources the node's event watches, as n8n subscribes to them. */
export async function resourcesFor(client: TeamsClient): Promise<string[]> {
  const { ctx } = client;
  const event = param(ctx, 'event', 0, 'newChannelMessage');
  const allTeams = param(ctx, 'watchAllTeams', 0, false) === true;
  switch (event) {
    case 'newChat':
      return ['/me/chats'];
    case 'newChatMessage':
      return param(ctx, 'watchAllChats', 0, false) === true ? ['/me/chats/getAllMessages'] : [`/chats/${required(ctx, 'chatId')}/messages`];
    case 'newChannel':
      return (allTeams ? await joinedTeams(client) : [required(ctx, 'teamId')]).map((team) => `/teams/${team}/channels`);
    case 'newTeamMember':
      return (allTeams ? await joinedTeams(client) : [required(ctx, 'teamId')]).map((team) => `/teams/${team}/members`);
    case 'newChannelMessage': {
      if (allTeams) {
        const out: string[] = [];
        for (const team of await joinedTeams(client)) for (const channel of await channelsOf(client, team)) out.push(`/teams/${team}/channels/${channel}/messages`);
        return out;
      }
      const team = required(ctx, 'teamId');
      if (param(ctx, 'watchAllChannels', 0, false) === true) return (await channelsOf(client, team)).map((channel) => `/teams/${team}/channels/${channel}/messages`);
      return [`/teams/${team}/channels/${required(ctx, 'channelId')}/messages`];
    }
    default:
      throw new NodeOperationError(ctx.node.name, `Invalid event: ${event}`, { description: `The event "${event}" is not one the trigger knows` });
  }
}

const isNotFound = (error: unknown) => error instanceof NodeOperationError && error.message === apiStatusMessage(404);
const kept = (data: JsonObject) => (Array.isArray(data.subscriptions) ? data.subscriptions : []) as unknown as KeptSubscription[];

function keep(data: JsonObject, subscriptions: KeptSubscription[]): void {
  data.subscriptions = subscriptions as unknown as JsonObject[];
  data.subscriptionIds = subscriptions.map((s) => s.id);
}

function forget(data: JsonObject): void {
  delete data.subscriptions;
  delete data.subscriptionIds;
  delete data.webhookSecret;
}

const expiry = (now = Date.now()) => new Date(now + LIFETIME_MS).toISOString();
const asKept = (answer: JsonObject, resource: string): KeptSubscription => ({ id: String(answer.id), resource, expirationDateTime: String(answer.expirationDateTime) });

/** POST /subscriptions for one resource; Graph checks the URL (validationToken) before it answers. */
async function subscribe(client: TeamsClient, url: string, resource: string, clientState: string): Promise<KeptSubscription> {
  const answer = await graphRequest(client, 'POST', '/v1.0/subscriptions', { body: {
    changeType: 'created', notificationUrl: url, lifecycleNotificationUrl: url, resource, expirationDateTime: expiry(), clientState, latestSupportedTlsVersion: 'v1_2',
  } });
  return asKept(answer, resource);
}

/** Whether every resource the event needs has one of our subscriptions on Graph, not about to expire. */
export async function subscriptionsExist(ctx: TriggerContext): Promise<boolean> {
  const data = ctx.getWorkflowStaticData('node');
  const ours = kept(data);
  if (typeof data.webhookSecret !== 'string' || ours.length === 0) return false;
  return withTeamsClient(ctx, async (client) => {
    const url = ctx.webhookUrl('default');
    const live = (await graphRequestAll(client, '/v1.0/subscriptions'))
      .filter((s) => s.notificationUrl === url && Date.parse(String(s.expirationDateTime)) - Date.now() > STILL_VALID_MS);
    const alive = ours.filter((s) => live.some((l) => l.id === s.id && l.resource === s.resource));
    const needed = await resourcesFor(client);
    if (!needed.every((resource) => alive.some((s) => s.resource === resource))) return false;
    keep(data, alive.map((s) => ({ ...s, expirationDateTime: String(live.find((l) => l.id === s.id)!.expirationDateTime) })));
    return true;
  });
}

/** Subscribes every resource with a new clientState, after removing what still delivers to this URL. */
export async function createSubscriptions(ctx: TriggerContext): Promise<void> {
  const url = ctx.webhookUrl('default');
  if (!url.startsWith('https://')) {
    throw new NodeOperationError(ctx.node.name, 'Invalid Notification URL: Microsoft Graph only delivers to https URLs; set PUBLIC_URL to the https address Weft is reached at', {
      description: `The webhook URL "${url}" is not https.`,
    });
  }
  const data = ctx.getWorkflowStaticData('node');
  await withTeamsClient(ctx, async (client) => {
    // Anything else delivering here is a leftover whose clientState is no longer known.
    for (const old of (await graphRequestAll(client, '/v1.0/subscriptions')).filter((s) => s.notificationUrl === url)) {
      await graphRequest(client, 'DELETE', `/v1.0/subscriptions/${segment(String(old.id))}`).catch((error) => { if (!isNotFound(error)) throw error; });
    }
    const clientState = randomBytes(32).toString('hex');
    // Kept first: the first notifications may arrive before the last subscription is made.
    data.webhookSecret = clientState;
    const made: KeptSubscription[] = [];
    try {
      for (const resource of await resourcesFor(client)) made.push(await subscribe(client, url, resource, clientState));
    } catch (error) {
      for (const s of made) await graphRequest(client, 'DELETE', `/v1.0/subscriptions/${segment(s.id)}`).catch(() => undefined);
      forget(data);
      throw error;
    }
    keep(data, made);
  });
}

/** Deletes our subscriptions (one already gone counts as deleted); false when Graph refused. */
export async function deleteSubscriptions(ctx: TriggerContext): Promise<boolean> {
  const data = ctx.getWorkflowStaticData('node');
  const ids = Array.isArray(data.subscriptionIds) ? data.subscriptionIds.map(String) : [];
  if (ids.length === 0) return true;
  try {
    await withTeamsClient(ctx, async (client) => {
      for (const id of ids) await graphRequest(client, 'DELETE', `/v1.0/subscriptions/${segment(id)}`).catch((error) => { if (!isNotFound(error)) throw error; });
    });
  } catch {
    return false;
  }
  forget(data);
  return true;
}

/**
 * Extends the subscriptions (all, or the one `onlyId` names) by PATCHing a new expirationDateTime; one
 * Graph no longer has is made again for its resource with the same clientState.
 */
export async function renewSubscriptions(ctx: TriggerContext, onlyId?: string): Promise<void> {
  const data = ctx.getWorkflowStaticData('node');
  const clientState = typeof data.webhookSecret === 'string' ? data.webhookSecret : '';
  const current = kept(data);
  await withTeamsClient(ctx, async (client) => {
    const next = [...current];
    for (const [i, s] of current.entries()) {
      if (onlyId !== undefined && s.id !== onlyId) continue;
      try {
        const answer = await graphRequest(client, 'PATCH', `/v1.0/subscriptions/${segment(s.id)}`, { body: { expirationDateTime: expiry() } });
        next[i] = { ...s, expirationDateTime: String(answer.expirationDateTime ?? s.expirationDateTime) };
      } catch (error) {
        if (!isNotFound(error)) { keep(data, next); throw error; }
        next[i] = await subscribe(client, ctx.webhookUrl('default'), s.resource, clientState);
      }
    }
    keep(data, next);
  });
}

/** Milliseconds until the next renewal: an hour before the earliest expiry, or half the time left. */
export function renewalDelay(subscriptions: KeptSubscription[], now = Date.now()): number | undefined {
  const times = subscriptions.map((s) => Date.parse(s.expirationDateTime)).filter((t) => Number.isFinite(t));
  if (times.length === 0) return undefined;
  const left = Math.min(...times) - now;
  return Math.max(0, left - Math.min(RENEW_BEFORE_MS, left / 2));
}

/** Renews on time while armed; a failed renewal is reported and tried again a minute later. */
export function keepRenewing(ctx: TriggerContext): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const schedule = (delay?: number) => {
    if (closed) return;
    const wait = delay ?? renewalDelay(kept(ctx.getWorkflowStaticData('node')));
    if (wait === undefined) return;
    // setTimeout holds at most 2^31-1 ms (about 24 days); Graph's limit is 3.
    timer = setTimeout(run, Math.min(wait, 2 ** 31 - 1));
    timer.unref?.();
  };
  const run = () => {
    renewSubscriptions(ctx).then(() => schedule(), (error: unknown) => {
      if (closed) return;
      ctx.emitError(error instanceof Error ? error : new Error(String(error)));
      schedule(60_000);
    });
  };
  schedule();
  return { close() { closed = true; if (timer) clearTimeout(timer); } };
}
