// The Teams node's descriptions against its implementation: every operation a version offers runs,
// locators give the id they name, and Send and Wait shows n8n's chat parameters.
import { describe, expect, it } from 'vitest';
import type { NodeProperty } from '../../engine/index.ts';
import { locatorValue } from './microsoft-teams-locators.ts';
import { TEAMS_RESOURCES } from './microsoft-teams-operations.ts';
import { microsoftTeamsNode, microsoftTeamsNodeV1 } from './microsoft-teams.node.ts';

const offered = (properties: NodeProperty[]) => properties.filter((p) => p.name === 'operation').flatMap((p) =>
  (p.options ?? []).map((o) => `${String(p.displayOptions?.show?.resource?.[0])}:${String((o as { value?: unknown }).value)}`));

describe('Microsoft Teams descriptions', () => {
  it('v2 offers n8n\'s operations, each implemented (sendAndWait by the shared module)', () => {
    const v2 = offered(microsoftTeamsNode.description.properties);
    expect(v2).toEqual(['channel:create', 'channel:deleteChannel', 'channel:get', 'channel:getAll', 'channel:update', 'channelMessage:create', 'channelMessage:getAll',
      'chatMessage:create', 'chatMessage:get', 'chatMessage:getAll', 'chatMessage:sendAndWait', 'task:create', 'task:deleteTask', 'task:get', 'task:getAll', 'task:update']);
    for (const key of v2.filter((k) => k !== 'chatMessage:sendAndWait')) expect(TEAMS_RESOURCES[key.split(':')[0]][key.split(':')[1]], key).toBeTypeOf('function');
  });

  it('v1 and v1.1 offer `delete` and no Send and Wait', () => {
    expect(microsoftTeamsNodeV1.description.version).toEqual([1, 1.1]);
    const v1 = offered(microsoftTeamsNodeV1.description.properties);
    expect(v1).toContain('channel:delete');
    expect(v1).toContain('task:delete');
    expect(v1).not.toContain('chatMessage:sendAndWait');
    for (const key of v1) expect(TEAMS_RESOURCES[key.split(':')[0]][key.split(':')[1]], key).toBeTypeOf('function');
  });

  it('Send and Wait takes a chat, no subject, and n8n\'s Teams button labels', () => {
    const shown = microsoftTeamsNode.description.properties.filter((p) => p.displayOptions?.show?.operation?.includes('sendAndWait'));
    expect(shown.map((p) => p.name)).toEqual(['chatId', 'message', 'responseType', 'defineForm', 'jsonOutput', 'formFields', 'approvalOptions', 'options', 'options']);
    const approval = (shown.find((p) => p.name === 'approvalOptions')!.options?.[0] as { values: NodeProperty[] }).values;
    expect(approval.map((p) => [p.name, p.default])).toEqual([['approvalType', 'single'], ['approveLabel', '✓ Approve'], ['disapproveLabel', '✗ Decline']]);
  });
});

describe('locatorValue', () => {
  it('gives the id of a locator, the groupId of a team link, and a plain value as it is', () => {
    expect(locatorValue({ __rl: true, mode: 'id', value: ' abc ' })).toBe('abc');
    expect(locatorValue({ __rl: true, mode: 'url', value: 'https://teams.microsoft.com/l/team/19%3Ax/conversations?groupId=61165b04-e4cc-4026-b43f-926b4e2a7182&tenantId=t' }))
      .toBe('61165b04-e4cc-4026-b43f-926b4e2a7182');
    expect(locatorValue('19:dev@thread.tacv2')).toBe('19:dev@thread.tacv2');
    expect(locatorValue(undefined)).toBe('');
  });
});
