// Microsoft Teams (n8n-nodes-base.microsoftTeams) on Microsoft Graph: channels, channel messages,
// chat messages and Planner tasks. v1/v1.1 with dropdowns; v2 with resource locators and Send
// and Wait for Response. Lists become one item per entry.
import type { ExecuteContext, Item, NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { withTeamsClient } from './microsoft-teams-api.ts';
import { teamsMethods } from './microsoft-teams-methods.ts';
import { TEAMS_RESOURCES } from './microsoft-teams-operations.ts';
import { teamsSendAndWait } from './microsoft-teams-send-and-wait.ts';
import { teamsV1Properties } from './microsoft-teams-v1.description.ts';
import { teamsV2Properties } from './microsoft-teams-v2.description.ts';

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const resource = param(ctx, 'resource', 0, 'channel');
  const operation = param(ctx, 'operation', 0, 'create');
  const failed = (error: unknown, i: number): Item => {
    const failure = serviceCallError(ctx.node.name, error, i);
    if (!ctx.continueOnFail()) throw failure;
    return { json: { error: errorMessage(failure) }, pairedItem: { item: i } };
  };
  if (resource === 'chatMessage' && operation === 'sendAndWait' && ctx.node.typeVersion >= 2) {
    try {
      return await withTeamsClient(ctx, teamsSendAndWait);
    } catch (error) {
      return [[failed(error, 0)]];
    }
  }
  const run = TEAMS_RESOURCES[resource]?.[operation];
  if (!run) throw serviceCallError(ctx.node.name, new Error(`The operation "${operation}" of "${resource}" is not known`), 0);
  return withTeamsClient(ctx, async (client) => {
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        const answer = await run(client, i);
        for (const json of Array.isArray(answer) ? answer : [answer]) output.push({ json, pairedItem: { item: i } });
      } catch (error) {
        output.push(failed(error, i));
      }
    }
    return [output];
  });
}

const base = {
  name: 'n8n-nodes-base.microsoftTeams', displayName: 'Microsoft Teams', icon: 'file:teams.svg', group: ['input'],
  description: 'Consume Microsoft Teams API',
  defaults: { name: 'Microsoft Teams' }, inputs: ['main'], outputs: ['main'], credentials: [{ name: 'microsoftTeamsOAuth2Api', required: true }],
};

export const microsoftTeamsNode: NodeType = { description: { ...base, version: [2], properties: teamsV2Properties }, execute, methods: teamsMethods };

export const microsoftTeamsNodeV1: NodeType = { description: { ...base, version: [1, 1.1], properties: teamsV1Properties }, execute, methods: teamsMethods };
