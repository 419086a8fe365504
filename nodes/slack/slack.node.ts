// Slack (n8n-nodes-base.slack): v2 (2, 2.1, 2.2, 2.3) and the legacy v1, on Slack's Web API through
// the HTTP Request node's transport. Each item runs the chosen operation; the answer becomes one item
// per entry (lists) or one item, paired with its input.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import type { SlackClient } from './slack-api.ts';
import { runChannelOperation } from './slack-channel.ts';
import { runFileOperation } from './slack-file.ts';
import { runMessageOperation } from './slack-message.ts';
import { runReactionOperation, runStarOperation } from './slack-reaction-star.ts';
import { runUserGroupOperation } from './slack-user-group.ts';
import { runUserOperation } from './slack-user.ts';
import { slackSendAndWait } from './slack-send-and-wait.ts';
import { postV1Message, updateV1Message } from './slack-v1-message.ts';
import { runV1UserProfileOperation } from './slack-v1-user-profile.ts';
import { slackV1Properties } from './slack-v1.description.ts';
import { slackCredentials, slackV2Properties } from './slack.description.ts';
import { slackMethods } from './slack-methods.ts';

type Operation = (client: SlackClient, operation: string, itemIndex: number) => Promise<unknown>;

const BY_RESOURCE: Record<string, Operation> = {
  channel: runChannelOperation,
  file: runFileOperation,
  message: runMessageOperation,
  reaction: runReactionOperation,
  star: runStarOperation,
  user: runUserOperation,
  userGroup: runUserGroupOperation,
};

const DEFAULT_OPERATION: Record<string, string> = {
  channel: 'create', file: 'upload', message: 'post', reaction: 'add', star: 'add', user: 'info', userGroup: 'create', userProfile: 'get',
};

function runV1(client: SlackClient, resource: string, operation: string, itemIndex: number): Promise<unknown> {
  if (resource === 'message' && (operation === 'post' || operation === 'postEphemeral')) return postV1Message(client, itemIndex, operation === 'postEphemeral');
  if (resource === 'message' && operation === 'update') return updateV1Message(client, itemIndex);
  if (resource === 'userProfile') return runV1UserProfileOperation(client, operation, itemIndex);
  return run(client, resource, operation, itemIndex);
}

function run(client: SlackClient, resource: string, operation: string, itemIndex: number): Promise<unknown> {
  const handler = BY_RESOURCE[resource];
  if (!handler || operation === 'sendAndWait') {
    throw new NodeOperationError(client.ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex });
  }
  return handler(client, operation, itemIndex);
}

/** n8n's returnJsonArray: a list gives one item per entry, anything else one item. */
function toItems(answer: unknown, itemIndex: number): Item[] {
  const entries = Array.isArray(answer) ? answer : [answer];
  return entries.map((entry) => ({
    json: entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as JsonObject) : { data: entry },
    pairedItem: { item: itemIndex },
  }));
}

async function execute(ctx: ExecuteContext, legacy: boolean): Promise<Item[][]> {
  const items = ctx.getInputData();
  const resource = param(ctx, 'resource', 0, 'message');
  // n8n leaves defaults out of exports; each resource has its own default operation.
  const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'post');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client: SlackClient = { ctx, transport, legacy };
  const output: Item[] = [];
  if (!legacy && resource === 'message' && operation === 'sendAndWait') return sendAndWait(client);
  try {
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        const answer = legacy ? await runV1(client, resource, operation, itemIndex) : await run(client, resource, operation, itemIndex);
        if (answer !== undefined) output.push(...toItems(answer, itemIndex));
      } catch (error) {
        if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, itemIndex);
        output.push({ json: { error: errorMessage(serviceCallError(ctx.node.name, error, itemIndex)) }, pairedItem: { item: itemIndex } });
      }
    }
  } finally {
    await transport.close();
  }
  return [output];
}

/** The message goes out once and the run parks (n8n's sendAndWait); the input passes on when it resumes. */
async function sendAndWait(client: SlackClient): Promise<Item[][]> {
  const { ctx } = client;
  try {
    return await slackSendAndWait(client);
  } catch (error) {
    if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, 0);
    return [[{ json: { error: errorMessage(serviceCallError(ctx.node.name, error, 0)) }, pairedItem: { item: 0 } }]];
  } finally {
    await client.transport.close();
  }
}

const base = {
  name: 'n8n-nodes-base.slack',
  displayName: 'Slack',
  icon: 'fa:slack',
  group: ['output'],
  description: 'Consume Slack API',
  defaults: { name: 'Slack' },
  inputs: ['main'],
  outputs: ['main'],
  credentials: slackCredentials,
};

export const slackNode: NodeType = {
  methods: slackMethods,
  description: { ...base, version: [2, 2.1, 2.2, 2.3], properties: slackV2Properties },
  execute: (ctx) => execute(ctx, false),
};

export const slackNodeV1: NodeType = {
  // v1's channel and user dropdowns load the same lists.
  methods: slackMethods,
  description: { ...base, version: [1], properties: slackV1Properties },
  execute: (ctx) => execute(ctx, true),
};
