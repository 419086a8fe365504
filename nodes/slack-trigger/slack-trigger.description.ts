// Slack Trigger's parameters (n8n-nodes-base.slackTrigger v1): n8n's names, types, defaults, event
// values and display rules; the descriptions are our own words.
import type { NodeProperty } from '../../engine/index.ts';

/** Events that carry a channel and may be watched in the whole workspace. */
const CHANNEL_EVENTS = ['any_event', 'message', 'reaction_added', 'file_share', 'app_mention'];

const EVENTS: Array<[string, string, string]> = [
  ['Any Event', 'any_event', 'Every event Slack sends to this URL'],
  ['App Home Opened', 'app_home_opened', "Someone opens the app's Home tab"],
  ['Bot / App Mention', 'app_mention', 'The bot or app is mentioned in a channel it belongs to'],
  ['File Made Public', 'file_public', 'A file is made public'],
  ['File Shared', 'file_share', 'A file is shared in a channel the app belongs to'],
  ['New Message Posted to Channel', 'message', 'A message is posted in a channel the app belongs to'],
  ['New Public Channel Created', 'channel_created', 'A public channel is created'],
  ['New User', 'team_join', 'A user joins the workspace'],
  ['Reaction Added', 'reaction_added', 'A reaction is added to a message in a channel the app belongs to'],
];

export const slackTriggerProperties: NodeProperty[] = [
  { displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'accessToken' },
  {
    displayName: "Point your Slack app's Event Subscriptions at this node's URL. Setting the credential's signing secret lets the node refuse calls Slack did not sign.",
    name: 'notice', type: 'notice', default: '',
  },
  {
    displayName: 'Trigger On', name: 'trigger', type: 'multiOptions', default: [],
    options: EVENTS.map(([name, value, description]) => ({ name, value, description })),
  },
  {
    displayName: 'Watch Whole Workspace', name: 'watchWorkspace', type: 'boolean', default: false,
    description: 'Whether events from every channel start the workflow, rather than one channel',
    displayOptions: { show: { trigger: CHANNEL_EVENTS } },
  },
  {
    displayName: 'Each event in any channel the bot belongs to starts a run, which can add up quickly',
    name: 'notice', type: 'notice', default: '',
    displayOptions: { show: { trigger: CHANNEL_EVENTS, watchWorkspace: [true] } },
  },
  {
    displayName: 'Channel to Watch', name: 'channelId', type: 'resourceLocator', required: true, default: { mode: 'list', value: '' },
    placeholder: 'Select a channel...',
    description: 'The channel whose events start the workflow (mentions, shared files, messages and reactions)',
    displayOptions: { show: { watchWorkspace: [false] } },
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', placeholder: 'Select a channel...', typeOptions: { searchListMethod: 'getChannels', searchable: true } },
      { displayName: 'By ID', name: 'id', type: 'string', placeholder: 'C0122KQ70S7E' },
      { displayName: 'By URL', name: 'url', type: 'string', placeholder: 'https://app.slack.com/client/TS9594PZK/B0556F47Z3A' },
    ],
  },
  {
    displayName: 'Download Files', name: 'downloadFiles', type: 'boolean', default: false,
    description: 'Whether the files of a file share come along as binary data',
    displayOptions: { show: { trigger: ['any_event', 'file_share'] } },
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Field', default: {},
    options: [
      { displayName: 'Resolve IDs', name: 'resolveIds', type: 'boolean', default: false, description: 'Whether user and channel IDs are looked up and their names added' },
      {
        displayName: 'Usernames or IDs to Ignore', name: 'userIds', type: 'multiOptions', typeOptions: { loadOptionsMethod: 'getUsers' }, default: [],
        description: "Events caused by these users start nothing. Choose from the list, or give IDs with an expression.",
      },
      {
        displayName: 'Emoji Names to Filter', name: 'reactionEmojis', type: 'string', default: '', placeholder: 'thumbsup, eyes, white_check_mark',
        description: 'Comma-separated emoji names (no colons) a reaction must be one of; empty allows any',
        displayOptions: { show: { '/trigger': ['reaction_added'] } },
      },
    ],
  },
];
