// Microsoft Teams Trigger's parameters (n8n-nodes-base.microsoftTeamsTrigger v1): n8n's names,
// events, defaults and display conditions; the team, channel and chat locators list through the
// Teams node's methods. Descriptions are our own words.
import type { NodeProperty } from '../../engine/index.ts';

const TEAM_EVENTS = ['newChannel', 'newChannelMessage', 'newTeamMember'];

const list = (method: string, placeholder: string) => ({ displayName: 'From List', name: 'list', type: 'list', placeholder, typeOptions: { searchListMethod: method, searchable: true } });
const byId = (placeholder: string) => ({ displayName: 'By ID', name: 'id', type: 'string', placeholder });
const byUrl = (placeholder: string) => ({ displayName: 'By URL', name: 'url', type: 'string', placeholder });

export const teamsTriggerProperties: NodeProperty[] = [
  {
    displayName: 'Trigger On', name: 'event', type: 'options', default: 'newChannelMessage', description: 'The Teams event that starts the workflow',
    options: [
      { name: 'New Channel', value: 'newChannel', description: 'A channel is created in a team' },
      { name: 'New Channel Message', value: 'newChannelMessage', description: 'A message is posted in a channel' },
      { name: 'New Chat', value: 'newChat', description: 'A chat is created' },
      { name: 'New Chat Message', value: 'newChatMessage', description: 'A message is posted in a chat' },
      { name: 'New Team Member', value: 'newTeamMember', description: 'Someone is added to a team' },
    ],
  },
  {
    displayName: 'Watch All Teams', name: 'watchAllTeams', type: 'boolean', default: false, description: 'Whether to listen in every team the account has joined',
    displayOptions: { show: { event: TEAM_EVENTS } },
  },
  {
    displayName: 'Team', name: 'teamId', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, description: 'The team to listen in: from the list, by ID or by its link',
    displayOptions: { show: { event: TEAM_EVENTS, watchAllTeams: [false] } },
    modes: [list('getTeams', 'Select a team...'), byId('e.g., 61165b04-e4cc-4026-b43f-926b4e2a7182'),
      byUrl('e.g., https://teams.microsoft.com/l/team/19%3A...groupId=your-team-id&tenantId=...')],
  },
  {
    displayName: 'Watch All Channels', name: 'watchAllChannels', type: 'boolean', default: false, description: "Whether to listen in every channel of the team",
    displayOptions: { show: { event: ['newChannelMessage'], watchAllTeams: [false] } },
  },
  {
    displayName: 'Channel', name: 'channelId', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, description: 'The channel to listen in: from the list, by ID or by its link',
    typeOptions: { loadOptionsDependsOn: ['teamId.value'] },
    displayOptions: { show: { event: ['newChannelMessage'], watchAllTeams: [false], watchAllChannels: [false] } },
    modes: [list('getChannels', 'Select a channel...'), byId('e.g., 19:-xlxyqXNSCxpI1SDzgQ_L9ZvzSR26pgphq1BJ9y7QJE1@thread.tacv2'),
      byUrl('e.g., https://teams.microsoft.com/l/channel/19%3A...@thread.tacv2/...')],
  },
  {
    displayName: 'Watch All Chats', name: 'watchAllChats', type: 'boolean', default: false, description: 'Whether to listen in every chat of the account',
    displayOptions: { show: { event: ['newChatMessage'] } },
  },
  {
    displayName: 'Chat', name: 'chatId', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, description: 'The chat to listen in: from the list, by ID or by its link',
    displayOptions: { show: { event: ['newChatMessage'], watchAllChats: [false] } },
    modes: [list('getChats', 'Select a chat...'), byId('19:7e2f1174-e8ee-4859-b8b1-a8d1cc63d276@unq.gbl.spaces'),
      byUrl('https://teams.microsoft.com/_#/conversations/CHAT_ID')],
  },
];
