// The user group resource of Slack v2 (usergroups.* methods): options are Slack's arguments as they
// are, and n8n outputs the `usergroup` object, or the groups of the list (cut to the limit).
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { slackRequest, type SlackClient } from './slack-api.ts';

export async function runUserGroupOperation(client: SlackClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const group = () => ({ usergroup: param<unknown>(ctx, 'userGroupId', itemIndex, '') });
  const write = async (path: string, body: JsonObject) => (await slackRequest(client, { method: 'POST', path, json: body })).usergroup;
  switch (operation) {
    case 'create':
      return write('/usergroups.create', { name: param<unknown>(ctx, 'name', itemIndex, ''), ...collection(ctx, 'options', itemIndex) });
    case 'enable':
    case 'disable':
      return write(`/usergroups.${operation}`, { ...group(), ...collection(ctx, 'options', itemIndex) });
    case 'update':
      return write('/usergroups.update', { ...group(), ...collection(ctx, 'updateFields', itemIndex) });
    case 'getAll': {
      const answer = await slackRequest(client, { method: 'GET', path: '/usergroups.list', query: collection(ctx, 'options', itemIndex) });
      const groups = Array.isArray(answer.usergroups) ? answer.usergroups : [];
      return param(ctx, 'returnAll', itemIndex, false) ? groups : groups.slice(0, param(ctx, 'limit', itemIndex, 100));
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "userGroup" is not supported`, { itemIndex });
  }
}
