// The resource locators of n8n's Teams node v2 (teams, channels, chats, Planner groups, plans,
// buckets and members): a list searched through the node's listSearch methods, an ID, or for a
// team the link Teams gives ("Get a link to the team"), whose `groupId` is the team's id.
import type { NodeProperty } from '../../engine/index.ts';

const UUID_PLACEHOLDER = '61165b04-e4cc-4026-b43f-926b4e2a7182';

type Locator = Omit<NodeProperty, 'type' | 'default' | 'modes'>;
const list = (method: string, placeholder: string) => ({ displayName: 'From List', name: 'list', type: 'list', placeholder, typeOptions: { searchListMethod: method, searchable: true } });
const byId = (placeholder: string) => ({ displayName: 'By ID', name: 'id', type: 'string', placeholder });
const locator = (base: Locator, modes: NodeProperty['modes']): NodeProperty => ({ ...base, type: 'resourceLocator', default: { mode: 'list', value: '' }, modes });

export const teamLocator = locator({
  displayName: 'Team', name: 'teamId', required: true,
  description: 'Select the team from the list, by URL, or by ID (the ID is the "groupId" parameter in the URL you get from "Get a link to the team")',
}, [
  list('getTeams', 'e.g. My Team'),
  { displayName: 'From URL', name: 'url', type: 'string', placeholder: 'e.g. https://teams.microsoft.com/l/team/19%3AP8l9gXd6oqlgq…' },
  byId(`e.g. ${UUID_PLACEHOLDER}`),
]);

export const channelLocator = locator({
  displayName: 'Channel', name: 'channelId', required: true, typeOptions: { loadOptionsDependsOn: ['teamId.value'] },
  description: 'Select the channel from the list, by URL, or by ID (the ID is the "threadId" in the URL)',
}, [list('getChannels', 'Select a Channel...'), byId('19:-xlxyqXNSCxpI1SDzgQ_L9ZvzSR26pgphq1BJ9y7QJE1@thread.tacv2')]);

export const chatLocator = locator({
  displayName: 'Chat', name: 'chatId', required: true,
  description: 'Select the chat from the list, by URL, or by ID (find the chat ID after "conversations/" in the URL)',
}, [list('getChats', 'Select a Chat...'), byId('19:7e2f1174-e8ee-4859-b8b1-a8d1cc63d276_0c5cfdbb-596f-4d39-b557-5d9516c94107@unq.gbl.spaces')]);

export const groupLocator = locator({
  displayName: 'Team', name: 'groupId', required: true, typeOptions: { loadOptionsDependsOn: ['groupSource'] },
}, [list('getGroups', 'Select a Team...'), byId('12f0ca7d-b77f-4c4e-93d2-5cbdb4f464c6')]);

export const planLocator = locator({
  displayName: 'Plan', name: 'planId', required: true, typeOptions: { loadOptionsDependsOn: ['groupId.value'] }, description: 'The plan for the task to belong to',
}, [list('getPlans', 'Select a Plan...'), byId('rl1HYb0cUEiHPc7zgB_KWWUAA7Of')]);

export const bucketLocator = locator({
  displayName: 'Bucket', name: 'bucketId', required: true, typeOptions: { loadOptionsDependsOn: ['planId.value'] }, description: 'The bucket for the task to belong to',
}, [list('getBuckets', 'Select a Bucket...'), byId('rl1HYb0cUEiHPc7zgB_KWWUAA7Of')]);

export const memberLocator = locator({
  displayName: 'Member', name: 'memberId', typeOptions: { loadOptionsDependsOn: ['groupId.value'] },
}, [list('getMembers', 'Select a Member...'), byId('7e2f1174-e8ee-4859-b8b1-a8d1cc63d276')]);

/** The value a locator (or v1's plain option) names: a team link gives its `groupId`. */
export function locatorValue(value: unknown): string {
  if (!value || typeof value !== 'object' || !('__rl' in value || 'mode' in value)) return String(value ?? '').trim();
  const { mode, value: given } = value as { mode?: string; value?: unknown };
  const text = String(given ?? '').trim();
  if (mode === 'url') return /groupId=([a-f0-9-]+)/i.exec(text)?.[1] ?? text;
  return text;
}
