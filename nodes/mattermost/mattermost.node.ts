// Mattermost (n8n-nodes-base.mattermost) v1 on Mattermost's REST API v4 through the HTTP Request
// node's transport. Each item runs the chosen operation; lists become one item per entry.
import type { ExecuteContext, Item, JsonObject, NodeType } from '../../engine/index.ts';
import { NodeOperationError } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { mattermostClient, type MattermostClient } from './mattermost-api.ts';
import { mattermostProperties } from './mattermost.description.ts';
import { runChannel, runMessage, runReaction, runUser } from './mattermost-operations.ts';
import { mattermostMethods } from './mattermost-methods.ts';

type Operation = (client: MattermostClient, operation: string, itemIndex: number) => Promise<unknown>;
const BY_RESOURCE: Record<string, Operation> = { channel: runChannel, message: runMessage, reaction: runReaction, user: runUser };
const DEFAULT_OPERATION: Record<string, string> = { channel: 'create', message: 'post', reaction: 'create', user: '' };
/** Operation values of older exports, renamed as n8n's router does. */
const RENAMED: Record<string, string> = { del: 'delete', desactive: 'deactive' };

function toItems(answer: unknown, itemIndex: number): Item[] {
  return (Array.isArray(answer) ? answer : [answer]).map((entry) => ({
    json: entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as JsonObject) : { data: entry },
    pairedItem: { item: itemIndex },
  }));
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const client = await mattermostClient(ctx);
  const output: Item[] = [];
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        const resource = param(ctx, 'resource', i, 'message');
        const chosen = param(ctx, 'operation', i, DEFAULT_OPERATION[resource] ?? 'post');
        const operation = RENAMED[chosen] ?? chosen;
        const run = BY_RESOURCE[resource];
        if (!run) throw new NodeOperationError(ctx.node.name, `The resource "${resource}" is not known`, { itemIndex: i });
        output.push(...toItems(await run(client, operation, i), i));
      } catch (error) {
        const failure = serviceCallError(ctx.node.name, error, i);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await client.transport.close();
  }
  return [output];
}

export const mattermostNode: NodeType = {
  methods: mattermostMethods,
  description: {
    name: 'n8n-nodes-base.mattermost',
    displayName: 'Mattermost',
    icon: 'fa:comments',
    group: ['output'],
    version: [1],
    description: 'Sends data to Mattermost',
    defaults: { name: 'Mattermost' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'mattermostApi', required: true }],
    properties: mattermostProperties,
  },
  execute,
};
