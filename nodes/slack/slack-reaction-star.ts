// The reaction (reactions.*) and star (stars.*) resources of Slack v2; n8n outputs Slack's answer,
// or the starred items for a list.
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { slackRequest, slackRequestAll, type SlackClient } from './slack-api.ts';
import { locatorValue, timestampParam } from './slack-values.ts';

export async function runReactionOperation(client: SlackClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const channel = locatorValue(ctx, 'channelId', itemIndex);
  const timestamp = timestampParam(ctx, 'timestamp', itemIndex);
  switch (operation) {
    case 'add':
    case 'remove':
      return slackRequest(client, {
        method: 'POST', path: `/reactions.${operation}`, json: { channel, name: param<unknown>(ctx, 'name', itemIndex, ''), timestamp },
      });
    case 'get':
      return slackRequest(client, { method: 'GET', path: '/reactions.get', query: { channel, timestamp } });
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "reaction" is not supported`, { itemIndex });
  }
}

export async function runStarOperation(client: SlackClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const options = collection(ctx, 'options', itemIndex);
  switch (operation) {
    case 'add': {
      const target = param(ctx, 'target', itemIndex, '');
      const body: JsonObject = { channel: locatorValue(ctx, 'channelId', itemIndex) };
      if (target === 'message') body.timestamp = timestampParam(ctx, 'timestamp', itemIndex);
      if (target === 'file') body.file = param<unknown>(ctx, 'fileId', itemIndex, '');
      if (options.fileComment) body.file_comment = options.fileComment;
      return slackRequest(client, { method: 'POST', path: '/stars.add', json: body });
    }
    case 'delete': {
      const body: JsonObject = {};
      if (options.channelId) body.channel = options.channelId;
      if (options.fileId) body.file = options.fileId;
      if (options.fileComment) body.file_comment = options.fileComment;
      if (options.timestamp) body.timestamp = String(options.timestamp);
      return slackRequest(client, { method: 'POST', path: '/stars.remove', json: body });
    }
    case 'getAll':
      if (param(ctx, 'returnAll', itemIndex, false)) return slackRequestAll(client, 'items', 'GET', '/stars.list');
      return (await slackRequest(client, { method: 'GET', path: '/stars.list', query: { limit: param(ctx, 'limit', itemIndex, 50) } })).items;
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "star" is not supported`, { itemIndex });
  }
}
