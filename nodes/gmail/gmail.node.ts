// Gmail (n8n-nodes-base.gmail): V2 (2, 2.1) and the legacy V1 (1) on the Gmail API v1, through the
// HTTP Request node's transport. Messages are RFC 2822 text sent base64url-encoded; every item runs
// its own operation; get/getAll snippets are unescaped as n8n does; sendAndWait sends once and parks.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type LoadedOption, type NodeMethods, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { gmail, gmailAll, gmailClient } from './gmail-api.ts';
import { unescapeSnippet } from './gmail-mime.ts';
import { runV1Operation } from './gmail-v1.ts';
import { gmailV1Properties } from './gmail-v1.description.ts';
import { runV2Operation } from './gmail-v2.ts';
import { gmailSendAndWait } from './gmail-send-and-wait.ts';
import { gmailCredentials, gmailV2Properties } from './gmail-v2.description.ts';

async function execute(ctx: ExecuteContext, legacy: boolean): Promise<Item[][]> {
  const items = ctx.getInputData();
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client = gmailClient(ctx, transport);
  const resource = String(param(ctx, 'resource', 0, legacy ? 'draft' : 'message'));
  const operation = String(param(ctx, 'operation', 0, legacy ? (resource === 'messageLabel' ? 'add' : resource === 'message' ? 'send' : 'create')
    : resource === 'message' ? 'send' : resource === 'draft' ? 'create' : 'getAll'));
  const output: Item[] = [];
  if (!legacy && resource === 'message' && operation === 'sendAndWait') return sendAndWait(client, transport);
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        const answer = legacy ? await runV1Operation(client, resource, operation, items[i], i) : await runV2Operation(client, resource, operation, items[i], i);
        const produced = Array.isArray(answer) ? answer : [{ json: answer }];
        for (const item of produced) output.push({ ...item, pairedItem: { item: i } });
      } catch (error) {
        // n8n's Gmail V2 names the failing item in the message, whether it stops or continues.
        const cause = serviceCallError(ctx.node.name, error, i);
        const failure = legacy ? cause : new NodeOperationError(ctx.node.name, `${errorMessage(cause)} (item ${i})`, { description: cause.details.description, itemIndex: i });
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: failure.message }, pairedItem: { item: i } });
      }
    }
  } finally {
    await transport.close();
  }
  const unescape = ['draft', 'message', 'thread'].includes(resource) && ['get', 'getAll'].includes(operation);
  return [unescape ? output.map(unescapeSnippet) : output];
}

/** One email for the run, then the run parks (n8n's sendAndWait); the input passes on when it resumes. */
async function sendAndWait(client: ReturnType<typeof gmailClient>, transport: { close(): Promise<void> }): Promise<Item[][]> {
  const { ctx } = client;
  try {
    return await gmailSendAndWait(client);
  } catch (error) {
    const failure = serviceCallError(ctx.node.name, error, 0);
    if (!ctx.continueOnFail()) throw failure;
    return [[{ json: { error: errorMessage(failure) }, pairedItem: { item: 0 } }]];
  } finally {
    await transport.close();
  }
}

async function withClient<T>(ctx: ExecuteContext, run: (client: ReturnType<typeof gmailClient>) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await run(gmailClient(ctx, transport));
  } finally {
    await transport.close();
  }
}

const byName = (a: LoadedOption, b: LoadedOption) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every label of the account (V1 lists only the user's own), sorted by name. */
export const getLabels = (userOnly: boolean) => (ctx: ExecuteContext): Promise<LoadedOption[]> => withClient(ctx, async (client) => {
  const labels = await gmailAll(client, '/labels', 'labels');
  return labels.filter((label) => !userOnly || label.type === 'user').map((label) => ({ name: String(label.name), value: String(label.id) })).sort(byName);
});

const methods = (userOnlyLabels: boolean): NodeMethods => ({
  loadOptions: {
    getLabels: getLabels(userOnlyLabels),
    getThreadMessages: (ctx) => withClient(ctx, async (client) => {
      const thread = await gmail(client, 'GET', `/threads/${String(ctx.getNodeParameter('threadId', 0, ''))}`, { query: { format: 'minimal' } });
      return ((thread.messages as JsonObject[] | undefined) ?? []).map((message) => ({ name: String(message.snippet ?? ''), value: String(message.id) }));
    }),
    getGmailAliases: (ctx) => withClient(ctx, async (client) => {
      const answer = await gmail(client, 'GET', '/settings/sendAs');
      return ((answer.sendAs as JsonObject[] | undefined) ?? []).map((alias) => ({
        name: `${String(alias.displayName || alias.sendAsEmail)}${alias.isDefault ? ' (Default)' : ''}`, value: String(alias.sendAsEmail),
      }));
    }),
  },
});

const base = {
  name: 'n8n-nodes-base.gmail',
  displayName: 'Gmail',
  icon: 'file:gmail.svg',
  group: ['transform'],
  description: 'Consume the Gmail API',
  defaults: { name: 'Gmail' },
  inputs: ['main'],
  outputs: ['main'],
  credentials: gmailCredentials,
};

export const gmailNode: NodeType = {
  description: { ...base, version: [2, 2.1], properties: gmailV2Properties },
  execute: (ctx) => execute(ctx, false),
  methods: methods(false),
};

export const gmailNodeV1: NodeType = {
  description: { ...base, version: [1], properties: gmailV1Properties },
  execute: (ctx) => execute(ctx, true),
  methods: methods(true),
};
