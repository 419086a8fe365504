// The user resource of Slack v2 (users.* methods): n8n outputs the `user` or `profile` object, the
// member list, or the presence answer as it is.
import { NodeOperationError } from '../../engine/index.ts';
import { param } from '../shared/params.ts';
import { slackRequest, slackRequestAll, type SlackClient } from './slack-api.ts';
import { locatorValue } from './slack-values.ts';

export async function runUserOperation(client: SlackClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const user = () => locatorValue(ctx, 'user', itemIndex);
  switch (operation) {
    case 'info':
      return (await slackRequest(client, { method: 'GET', path: '/users.info', query: { user: user() } })).user;
    case 'getAll':
      if (param(ctx, 'returnAll', itemIndex, false)) return slackRequestAll(client, 'members', 'GET', '/users.list');
      return (await slackRequest(client, { method: 'GET', path: '/users.list', query: { limit: param(ctx, 'limit', itemIndex, 50) } })).members;
    case 'getPresence':
      return slackRequest(client, { method: 'GET', path: '/users.getPresence', query: { user: user() } });
    case 'getProfile':
      return (await slackRequest(client, { method: 'GET', path: '/users.profile.get', query: { user: user() } })).profile;
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "user" is not supported`, { itemIndex });
  }
}
