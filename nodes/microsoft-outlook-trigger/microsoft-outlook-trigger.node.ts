// Microsoft Outlook Trigger (n8n-nodes-base.microsoftOutlookTrigger v1): polls the mailbox for
// messages received since the last poll (the time kept in the node's static data as n8n's
// lastTimeChecked). A manual run shows the newest message.
import type { ExecuteContext, Item, JsonObject, NodeProperty, NodeType } from '../../engine/index.ts';
import { cronNode } from '../cron/cron.node.ts';
import { createTransport } from '../http-request/send.ts';
import { collection, param } from '../shared/params.ts';
import { graphClient, graphRequestAll } from '../microsoft-outlook/microsoft-outlook-api.ts';

const triggerTimes = cronNode.description.properties.find((p) => p.name === 'triggerTimes')!;
const pollTimes: NodeProperty = {
  ...triggerTimes, displayName: 'Poll Times', name: 'pollTimes',
  typeOptions: { ...triggerTimes.typeOptions, multipleValueButtonText: 'Add Poll Time' }, default: { item: [{ mode: 'everyMinute' }] },
};
const SIMPLE = ['id', 'conversationId', 'subject', 'bodyPreview', 'from', 'toRecipients', 'categories', 'hasAttachments'];

async function fetchMessages(ctx: ExecuteContext, since: string | undefined, until: string, top?: number): Promise<JsonObject[]> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    const client = await graphClient(ctx, transport);
    const filters = collection(ctx, 'filters', 0);
    const parts: string[] = [];
    if (since) parts.push(`receivedDateTime ge ${since}`, `receivedDateTime lt ${until}`);
    if (filters.custom) parts.push(String(filters.custom));
    if (filters.hasAttachments !== undefined) parts.push(`hasAttachments eq ${String(filters.hasAttachments)}`);
    if (filters.readStatus === 'unread') parts.push('isRead eq false');
    if (filters.readStatus === 'read') parts.push('isRead eq true');
    if (filters.sender) parts.push(`from/emailAddress/address eq '${String(filters.sender).replace(/'/g, "''")}'`);
    const output = param(ctx, 'output', 0, 'simple');
    const select = output === 'raw' ? {} : { $select: output === 'fields' ? (param<unknown>(ctx, 'fields', 0, []) as string[]).join(',') : SIMPLE.join(',') };
    const query: JsonObject = { ...select, ...(parts.length ? { $filter: parts.join(' and ') } : {}) };
    return await graphRequestAll(client, `${client.mailbox}/messages`, query, top);
  } finally {
    await transport.close();
  }
}

export const microsoftOutlookTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.microsoftOutlookTrigger', displayName: 'Microsoft Outlook Trigger', icon: 'file:outlook.svg', group: ['trigger'], version: [1],
    description: 'Fetches emails from Microsoft Outlook and starts the workflow on specified polling intervals.',
    defaults: { name: 'Microsoft Outlook Trigger' }, inputs: [], outputs: ['main'], triggerKind: 'poll',
    credentials: [{ name: 'microsoftOutlookOAuth2Api', required: true }],
    properties: [
      pollTimes,
      { displayName: 'Trigger On', name: 'event', type: 'options', default: 'messageReceived', options: [{ name: 'Message Received', value: 'messageReceived' }] },
      { displayName: 'Output', name: 'output', type: 'options', default: 'simple',
        options: [{ name: 'Simplified', value: 'simple' }, { name: 'Raw', value: 'raw' }, { name: 'Selected Fields', value: 'fields' }] },
      { displayName: 'Fields', name: 'fields', type: 'multiOptions', default: [], displayOptions: { show: { output: ['fields'] } },
        options: ['body', 'bodyPreview', 'categories', 'ccRecipients', 'conversationId', 'from', 'hasAttachments', 'importance', 'isRead', 'receivedDateTime',
          'sender', 'subject', 'toRecipients', 'webLink'].map((v) => ({ name: v, value: v })) },
      { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: [
        { displayName: 'Custom Filter', name: 'custom', type: 'string', default: '', description: 'An OData $filter expression' },
        { displayName: 'Has Attachments', name: 'hasAttachments', type: 'boolean', default: false },
        { displayName: 'Read Status', name: 'readStatus', type: 'options', default: 'unread',
          options: [{ name: 'Unread and read messages', value: 'both' }, { name: 'Unread messages only', value: 'unread' }, { name: 'Read messages only', value: 'read' }] },
        { displayName: 'Sender', name: 'sender', type: 'string', default: '' },
      ] },
    ],
  },
  async execute(ctx: ExecuteContext) {
    const messages = await fetchMessages(ctx, undefined, new Date().toISOString(), 1);
    return [messages.map((json): Item => ({ json, pairedItem: { item: 0 } }))];
  },
  triggers: {
    async poll(ctx) {
      const state = ctx.getWorkflowStaticData('node');
      const now = new Date().toISOString();
      const since = (state.lastTimeChecked as string | undefined) ?? now;
      const messages = await fetchMessages(ctx, since, now);
      state.lastTimeChecked = now;
      return messages.length ? [messages.map((json) => ({ json }))] : null;
    },
  },
};
