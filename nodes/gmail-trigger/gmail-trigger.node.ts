// Gmail Trigger (n8n-nodes-base.gmailTrigger v1, 1.1, 1.2, 1.3): a poller that lists the messages
// received since the last poll (`after:<seconds>` in the Gmail query), fetches each one simplified or
// parsed (attachments as binary when asked), and keeps the newest message time and the ids seen at
// that time in static data so the next poll skips them. From 1.1 the state is kept per node name;
// from 1.2 drafts are skipped unless asked for; from 1.3 sent mail that is not in the inbox too.
import type { ExecuteContext, Item, JsonObject, NodeProperty, NodeType, TriggerContext } from '../../engine/index.ts';
import { cronNode } from '../cron/cron.node.ts';
import { createTransport } from '../http-request/send.ts';
import { collection, param } from '../shared/params.ts';
import { formatQuery, gmail, gmailClient, messageItems } from '../gmail/gmail-api.ts';
import { listQuery } from '../gmail/gmail-mime.ts';
import { gmailCredentials } from '../gmail/gmail-v2.description.ts';
import { getLabels } from '../gmail/gmail.node.ts';

const triggerTimes = cronNode.description.properties.find((p) => p.name === 'triggerTimes')!;
const pollTimes: NodeProperty = {
  ...triggerTimes, displayName: 'Poll Times', name: 'pollTimes',
  typeOptions: { ...triggerTimes.typeOptions, multipleValueButtonText: 'Add Poll Time' }, default: { item: [{ mode: 'everyMinute' }] },
};

interface TriggerState { lastTimeChecked?: number; possibleDuplicates?: string[] }

/** The node's cursor: the static data itself in v1, an entry under the node's name from 1.1. */
function stateOf(ctx: ExecuteContext): TriggerState {
  const data = ctx.getWorkflowStaticData('node');
  if (ctx.node.typeVersion <= 1) return data as TriggerState;
  if (!data[ctx.node.name] || typeof data[ctx.node.name] !== 'object') data[ctx.node.name] = {};
  return data[ctx.node.name] as TriggerState;
}

/** A message's time in seconds: Gmail's internalDate, else its Date header. */
function secondsOf(message: JsonObject, fallback: number): number {
  const internal = Number(message.internalDate);
  if (message.internalDate !== undefined && Number.isFinite(internal)) return internal / 1000;
  const date = Date.parse(String(message.date ?? (message.headers as JsonObject | undefined)?.date ?? ''));
  return Number.isNaN(date) ? fallback : date / 1000;
}

/** One poll (or, manual, the newest matching message): the items to emit, or null for none. */
export async function pollGmail(ctx: ExecuteContext, manual: boolean): Promise<Item[] | null> {
  const state = stateOf(ctx);
  const now = Math.floor(Date.now() / 1000);
  if (!manual) state.lastTimeChecked ??= now;
  const since = state.lastTimeChecked ?? now;
  const options = collection(ctx, 'options', 0);
  const filters = collection(ctx, 'filters', 0);
  const simple = param(ctx, 'simple', 0, true);
  const version = ctx.node.typeVersion;
  const includeDrafts = filters.includeDrafts === undefined ? version <= 1.1 : filters.includeDrafts === true;
  const { includeDrafts: _drafts, ...listFilters } = filters;
  const query = listQuery(ctx.node.name, manual ? listFilters : { ...listFilters, receivedAfter: since });
  if (manual) query.maxResults = 1;

  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client = gmailClient(ctx, transport);
  const fetched: JsonObject[] = [];
  let items: Item[] = [];
  try {
    const listed = ((await gmail(client, 'GET', '/messages', { query: query as Record<string, string> })).messages as JsonObject[] | undefined) ?? [];
    if (!listed.length) return null;
    const kept: JsonObject[] = [];
    for (const entry of listed) {
      const message = await gmail(client, 'GET', `/messages/${String(entry.id)}`, { query: formatQuery(simple) });
      fetched.push(message);
      const labels = (message.labelIds as string[] | undefined) ?? [];
      if (!includeDrafts && labels.includes('DRAFT')) continue;
      if (version > 1.2 && labels.includes('SENT') && !labels.includes('INBOX')) continue;
      kept.push(message);
    }
    items = await messageItems(client, kept, {
      simple, attachmentPrefix: String(options.dataPropertyAttachmentsPrefixName || 'attachment_'), downloadAttachments: options.downloadAttachments === true,
    });
  } catch (error) {
    // Like n8n, an armed trigger that has polled before logs the failure and keeps its cursor.
    if (manual || state.lastTimeChecked === undefined) throw error;
    return null;
  } finally {
    await transport.close();
  }
  if (!fetched.length) return null;
  const newest = fetched.reduce((latest, message) => Math.max(latest, secondsOf(message, since)), 0);
  const seen = new Set(state.possibleDuplicates ?? []);
  state.possibleDuplicates = fetched.filter((message) => secondsOf(message, since) <= newest).map((message) => String(message.id));
  state.lastTimeChecked = newest || since;
  const fresh = items.filter((item) => typeof item.json.id === 'string' && !seen.has(item.json.id));
  return fresh.length ? fresh : null;
}

const readStatus: NodeProperty = {
  displayName: 'Read Status', name: 'readStatus', type: 'options', default: 'unread',
  options: [{ name: 'Unread and read emails', value: 'both' }, { name: 'Unread emails only', value: 'unread' }, { name: 'Read emails only', value: 'read' }],
};

export const gmailTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.gmailTrigger',
    displayName: 'Gmail Trigger',
    icon: 'file:gmail.svg',
    group: ['trigger'],
    version: [1, 1.1, 1.2, 1.3],
    description: 'Fetches emails from Gmail and starts the workflow on specified polling intervals.',
    defaults: { name: 'Gmail Trigger' },
    inputs: [],
    outputs: ['main'],
    triggerKind: 'poll',
    credentials: gmailCredentials,
    properties: [
      pollTimes,
      { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'oAuth2',
        options: [{ name: 'OAuth2 (recommended)', value: 'oAuth2' }, { name: 'Service Account', value: 'serviceAccount' }] },
      { displayName: 'Event', name: 'event', type: 'options', default: 'messageReceived', options: [{ name: 'Message Received', value: 'messageReceived' }] },
      { displayName: 'Simplify', name: 'simple', type: 'boolean', default: true, description: 'Whether to return a simplified version of the response instead of the raw data' },
      { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: [
        { displayName: 'Include Spam and Trash', name: 'includeSpamTrash', type: 'boolean', default: false },
        { displayName: 'Include Drafts', name: 'includeDrafts', type: 'boolean', default: false },
        { displayName: 'Label Names or IDs', name: 'labelIds', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getLabels' } },
        { displayName: 'Search', name: 'q', type: 'string', default: '', placeholder: 'has:attachment' },
        readStatus,
        { displayName: 'Sender', name: 'sender', type: 'string', default: '' },
      ] },
      { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: { hide: { simple: [true] } }, options: [
        { displayName: 'Attachment Prefix', name: 'dataPropertyAttachmentsPrefixName', type: 'string', default: 'attachment_' },
        { displayName: 'Download Attachments', name: 'downloadAttachments', type: 'boolean', default: false },
      ] },
    ],
  },
  // A manual run shows the newest matching message, as n8n's poll does in manual mode.
  async execute(ctx: ExecuteContext) {
    const items = await pollGmail(ctx, true);
    return [(items ?? []).map((item) => ({ ...item, pairedItem: { item: 0 } }))];
  },
  triggers: {
    async poll(ctx: TriggerContext) {
      const items = await pollGmail(ctx, false);
      return items ? [items] : null;
    },
  },
  methods: { loadOptions: { getLabels: getLabels(false) } },
};
