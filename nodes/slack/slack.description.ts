// Parameters of n8n's Slack v2 node (2, 2.1, 2.2, 2.3): names, options, defaults and display rules as
// n8n's for the resources implemented here. v2.1 appends a link to the workflow by default; from
// v2.2 uploads take binary data only.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';
import { channelLocator, operationChoice, returnAllAndLimit, showFor, userLocator } from './slack-properties.ts';
import { slackSendAndWaitProperties } from './slack-send-and-wait.ts';

export const slackCredentials: NodeCredentialDescription[] = [
  { name: 'slackApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
  { name: 'slackOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

export const authentication: NodeProperty = {
  displayName: 'Authentication', name: 'authentication', type: 'options', default: 'accessToken',
  options: [{ name: 'Access Token', value: 'accessToken' }, { name: 'OAuth2', value: 'oAuth2' }],
};

const str = (displayName: string, name: string, displayOptions: NodeProperty['displayOptions'], more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'string', default: '', displayOptions, ...more });
const bool = (displayName: string, name: string, value: boolean, description?: string): NodeProperty =>
  ({ displayName, name, type: 'boolean', default: value, ...(description ? { description } : {}) });
const timestamp = (name: string, displayOptions: NodeProperty['displayOptions'], description: string): NodeProperty =>
  ({ displayName: 'Message Timestamp', name, type: 'number', default: '', required: true, displayOptions, description, placeholder: '1663233118.856619' });

const post = showFor('message', ['post']);
const postOrUpdate = showFor('message', ['post', 'update']);

const messageFields: NodeProperty[] = [
  channelLocator(showFor('message', ['getPermalink']), 'The Slack channel to get the message permalink from'),
  timestamp('timestamp', showFor('message', ['getPermalink']), 'Timestamp of the message to message'),
  { displayName: 'Send Message To', name: 'select', type: 'options', required: true, default: '', placeholder: 'Select...', displayOptions: post,
    options: [{ name: 'Channel', value: 'channel' }, { name: 'User', value: 'user' }] },
  channelLocator(showFor('message', ['post'], { select: ['channel'] }), 'The Slack channel to send to', true, true),
  userLocator(showFor('message', ['post'], { select: ['user'] })),
  { displayName: 'Message Type', name: 'messageType', type: 'options', default: 'text', displayOptions: postOrUpdate,
    description: 'Whether to send a simple text message, or use Slack’s Blocks UI builder for more sophisticated messages that include form fields, sections and more',
    options: [
      { name: 'Simple Text Message', value: 'text', description: 'Supports basic Markdown' },
      { name: 'Blocks', value: 'block', description: 'Combine text, buttons, form elements, dividers and more in Slack’s visual builder' },
      { name: 'Attachments', value: 'attachment' },
    ] },
  str('Message Text', 'text', showFor('message', ['post', 'update'], { messageType: ['text'] }), { required: true, typeOptions: { rows: 2 },
    description: 'The message text to post. Supports markdown by default - this can be disabled in "Options".' }),
  str('Blocks', 'blocksUi', showFor('message', ['post', 'update'], { messageType: ['block'] }), { required: true, typeOptions: { rows: 3 },
    description: "Enter the JSON output from Slack's visual Block Kit Builder here. You can then use expressions to add variable content to your blocks." }),
  str('Notification Text', 'text', showFor('message', ['post', 'update'], { messageType: ['block'] }), {
    description: 'Fallback text to display in slack notifications. Supports markdown by default - this can be disabled in "Options".' }),
  { displayName: 'Attachments', name: 'attachments', type: 'collection', default: {}, placeholder: 'Add attachment item',
    typeOptions: { multipleValues: true, multipleValueButtonText: 'Add attachment' }, displayOptions: showFor('message', ['post', 'update'], { messageType: ['attachment'] }),
    options: [
      str('Fallback Text', 'fallback', undefined, { description: 'Required plain-text summary of the attachment' }),
      str('Text', 'text', undefined), str('Title', 'title', undefined), str('Title Link', 'title_link', undefined),
      { displayName: 'Color', name: 'color', type: 'color', default: '#ff0000', description: 'Color of the line left of text' },
      str('Pretext', 'pretext', undefined), str('Author Name', 'author_name', undefined), str('Author Link', 'author_link', undefined),
      str('Author Icon', 'author_icon', undefined), str('Image URL', 'image_url', undefined), str('Thumbnail URL', 'thumb_url', undefined),
      str('Footer', 'footer', undefined), str('Footer Icon', 'footer_icon', undefined),
      { displayName: 'Message Timestamp', name: 'ts', type: 'number', default: 0, description: 'Timestamp of the message to post' },
      { displayName: 'Fields', name: 'fields', type: 'fixedCollection', default: {}, placeholder: 'Add Fields', typeOptions: { multipleValues: true },
        options: [{ name: 'item', displayName: 'Item', values: [str('Title', 'title', undefined), str('Value', 'value', undefined), bool('Short', 'short', true)] }] },
    ] },
  { displayName: 'Options', name: 'otherOptions', type: 'collection', default: {}, placeholder: 'Add option', displayOptions: post,
    options: [
      { ...bool('Include Link to Workflow', 'includeLinkToWorkflow', true,
        'Whether to append a link to this workflow at the end of the message. This is helpful if you have many workflows sending messages.'),
      displayOptions: { show: { '@version': [{ _cnd: { gte: 2.1 } }] } } },
      { displayName: 'Custom Bot Profile Photo', name: 'botProfile', type: 'fixedCollection', default: { imageValues: [{ profilePhotoType: '' }] },
        options: [{ name: 'imageValues', displayName: 'Add Bot Profile Photo', values: [
          { displayName: 'Profile Photo Type', name: 'profilePhotoType', type: 'options', default: '', placeholder: 'Select a type…',
            options: [{ name: 'Image URL', value: 'image' }, { name: 'Emoji Code', value: 'emoji' }] },
          str('Emoji Code', 'icon_emoji', { show: { profilePhotoType: ['emoji'] } }),
          str('Image URL', 'icon_url', { show: { profilePhotoType: ['image'] } }),
        ] }] },
      bool('Link User and Channel Names', 'link_names', false, 'Whether to turn @users and #channels in message text into clickable links'),
      { displayName: 'Reply to a Message', name: 'thread_ts', type: 'fixedCollection', default: {}, placeholder: 'Reply to a Message',
        options: [{ displayName: 'Reply to a Message', name: 'replyValues', values: [
          { displayName: 'Message Timestamp to Reply To', name: 'thread_ts', type: 'number', default: '', placeholder: '1663233118.856619' },
          bool('Reply to Thread', 'reply_broadcast', false, 'Whether the reply should be made visible to everyone in the channel or conversation'),
        ] }] },
      bool('Use Markdown?', 'mrkdwn', true, 'Whether to use Slack Markdown to format the message'),
      bool('Unfurl Links', 'unfurl_links', false, 'Whether to enable unfurling of primarily text-based content'),
      bool('Unfurl Media', 'unfurl_media', true, 'Whether to disable unfurling of media content'),
      { displayName: 'Send as Ephemeral Message', name: 'ephemeral', type: 'fixedCollection', default: {}, displayOptions: { show: { '/select': ['channel'] } },
        options: [{ displayName: 'Send as Ephemeral Message', name: 'ephemeralValues', values: [
          { ...userLocator({}, false), displayName: 'User to Send', displayOptions: undefined },
          bool('Send as Ephemeral Message', 'ephemeral', true),
        ] }] },
      { ...bool('Send as Ephemeral Message', 'ephemeral', true, 'Whether to send a temporary, ephemeral message'), displayOptions: { show: { '/select': ['user'] } } },
      str('Send as User', 'sendAsUser', { show: { '/authentication': ['accessToken'] } }, {
        description: 'The message will be sent from this username (i.e. as if this individual sent the message). Add chat:write.customize scope on Slack API' }),
    ] },
  channelLocator(showFor('message', ['update']), 'The Slack channel to update the message from'),
  timestamp('ts', showFor('message', ['update']), 'Timestamp of the message to update'),
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', default: {}, placeholder: 'Add Option', displayOptions: showFor('message', ['update']),
    options: [
      bool('Link User and Channel Names', 'link_names', false, 'Whether to find and link channel names and usernames'),
      { displayName: 'Parse', name: 'parse', type: 'options', default: 'client', description: 'Change how messages are treated',
        options: [{ name: 'Client', value: 'client' }, { name: 'Full', value: 'full' }, { name: 'None', value: 'none' }] },
    ] },
  { displayName: 'Delete Message From', name: 'select', type: 'options', required: true, default: '', placeholder: 'Select...', displayOptions: showFor('message', ['delete']),
    options: [{ name: 'Channel', value: 'channel' }, { name: 'User', value: 'user' }] },
  channelLocator(showFor('message', ['delete'], { select: ['channel'] }), 'The Slack channel to delete the message from'),
  userLocator(showFor('message', ['delete'], { select: ['user'] })),
  timestamp('timestamp', showFor('message', ['delete']), 'Timestamp of the message to delete'),
  str('Search Query', 'query', showFor('message', ['search']), { required: true, description: 'The text to search for within messages' }),
  { displayName: 'Sort By', name: 'sort', type: 'options', default: 'desc', displayOptions: showFor('message', ['search']),
    options: [{ name: 'Newest', value: 'desc' }, { name: 'Oldest', value: 'asc' }, { name: 'Relevance Score', value: 'relevance' }] },
  ...returnAllAndLimit('message', 'search', 25, 50),
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, displayOptions: showFor('message', ['search']),
    options: [{ displayName: 'Search in Channel', name: 'searchChannel', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getChannelsName' } }] },
];

const timeFilters = (operation: string, type: 'dateTime' | 'string'): NodeProperty => ({
  displayName: 'Filters', name: 'filters', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('channel', [operation]),
  options: [
    bool('Inclusive', 'inclusive', false, 'Whether to include messages with latest or oldest timestamp in results only when either timestamp is specified'),
    { displayName: 'Latest', name: 'latest', type, default: '', description: 'End of time range of messages to include in results' },
    { displayName: 'Oldest', name: 'oldest', type, default: '', description: 'Start of time range of messages to include in results' },
  ],
});

const channelFieldList: NodeProperty[] = [
  ...(['archive', 'close', 'unarchive', 'leave', 'join', 'get', 'kick', 'invite', 'history', 'member', 'rename', 'replies', 'setPurpose', 'setTopic'] as const)
    .map((operation) => channelLocator(showFor('channel', [operation]), `The Slack channel (${operation})`)),
  str('Channel', 'channelId', showFor('channel', ['create']), { required: true, placeholder: 'Channel name' }),
  { displayName: 'Channel Visibility', name: 'channelVisibility', type: 'options', default: 'public', required: true, displayOptions: showFor('channel', ['create']),
    options: [{ name: 'Public Channel', value: 'public' }, { name: 'Private Channel', value: 'private' }] },
  { displayName: 'User Names or IDs', name: 'userIds', type: 'multiOptions', default: [], required: true, typeOptions: { loadOptionsMethod: 'getUsers' },
    displayOptions: showFor('channel', ['invite']) },
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('channel', ['get']),
    options: [bool('Include Num of Members', 'includeNumMembers', false)] },
  { displayName: 'User Name or ID', name: 'userId', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getUsers' }, displayOptions: showFor('channel', ['kick']) },
  ...returnAllAndLimit('channel', 'getAll', 50, 100),
  { displayName: 'Filters', name: 'filters', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('channel', ['getAll']),
    options: [
      bool('Exclude Archived', 'excludeArchived', false, 'Whether to exclude archived channels from the list'),
      { displayName: 'Types', name: 'types', type: 'multiOptions', default: ['public_channel'], description: 'Mix and match channel types',
        options: [{ name: 'Public Channel', value: 'public_channel' }, { name: 'Private Channel', value: 'private_channel' }, { name: 'mpim', value: 'mpim' }, { name: 'im', value: 'im' }] },
    ] },
  ...returnAllAndLimit('channel', 'history', 50, 100),
  timeFilters('history', 'dateTime'),
  ...returnAllAndLimit('channel', 'member', 100),
  bool('Resolve Data', 'resolveData', false, 'Whether to resolve the data automatically. By default the response only contain the ID to resource.'),
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('channel', ['open']),
    options: [str('Channel ID', 'channelId', undefined), bool('Return IM', 'returnIm', false, 'Whether you want the full IM channel definition in the response'),
      { displayName: 'User Names or IDs', name: 'users', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getUsers' } }] },
  str('Name', 'name', showFor('channel', ['rename']), { required: true, description: 'New name for conversation' }),
  timestamp('ts', showFor('channel', ['replies']), 'Timestamp of the message to reply'),
  ...returnAllAndLimit('channel', 'replies', 50, 100),
  timeFilters('replies', 'string'),
  str('Purpose', 'purpose', showFor('channel', ['setPurpose']), { required: true, description: 'A new, specialer purpose' }),
  str('Topic', 'topic', showFor('channel', ['setTopic']), { required: true }),
];
const channelFields: NodeProperty[] = channelFieldList.map((p) => (p.name === 'resolveData' ? { ...p, displayOptions: showFor('channel', ['member']) } : p));

const userFields: NodeProperty[] = [
  { ...userLocator(showFor('user', ['info', 'getPresence', 'getProfile']), false), required: true },
  ...returnAllAndLimit('user', 'getAll', 50),
];

const reactionFields: NodeProperty[] = [
  channelLocator(showFor('reaction', ['add', 'get', 'remove']), 'The Slack channel containing the message'),
  timestamp('timestamp', showFor('reaction', ['add', 'get', 'remove']), 'Timestamp of the message'),
  str('Emoji Code', 'name', showFor('reaction', ['add', 'remove']), { required: true, description: 'Emoji code to use for the message reaction' }),
];

const starFields: NodeProperty[] = [
  { displayName: 'Item to Add Star', name: 'target', type: 'options', required: true, default: '', placeholder: 'Select...', displayOptions: showFor('star', ['add']),
    options: [{ name: 'Message', value: 'message' }, { name: 'File', value: 'file' }] },
  channelLocator(showFor('star', ['add']), 'The Slack channel to add a star to'),
  timestamp('timestamp', showFor('star', ['add'], { target: ['message'] }), 'Timestamp of the message to add'),
  str('File ID', 'fileId', showFor('star', ['add'], { target: ['file'] })),
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('star', ['add']),
    options: [str('File Comment', 'fileComment', undefined)] },
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('star', ['delete']),
    options: [str('Channel ID', 'channelId', undefined), str('File ID', 'fileId', undefined), str('File Comment', 'fileComment', undefined), str('Timestamp', 'timestamp', undefined)] },
  ...returnAllAndLimit('star', 'getAll', 50),
];

const fileFields: NodeProperty[] = [
  { ...bool('Binary File', 'binaryData', false, 'Whether the data to upload should be taken from binary field'),
    displayOptions: showFor('file', ['upload'], { '@version': [2, 2.1] }) },
  str('File Content', 'fileContent', showFor('file', ['upload'], { binaryData: [false], '@version': [2, 2.1] })),
  str('Input Binary Field', 'binaryPropertyName', showFor('file', ['upload'], { binaryData: [true] }), { default: 'data', required: true,
    description: 'Name of the binary property which contains the data for the file to be uploaded' }),
  str('File Property', 'binaryPropertyName', showFor('file', ['upload'], { '@version': [{ _cnd: { gte: 2.2 } }] }), { default: 'data', required: true,
    description: 'Name of the binary property which contains the data for the file to be uploaded' }),
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('file', ['upload']),
    options: [
      { displayName: 'Channel Names or IDs', name: 'channelIds', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getChannels' },
        displayOptions: { show: { '@version': [2, 2.1] } } },
      { ...str('Channel Name or ID', 'channelId', undefined), type: 'options', typeOptions: { loadOptionsMethod: 'getChannels' }, displayOptions: { show: { '@version': [{ _cnd: { gte: 2.2 } }] } } },
      str('File Name', 'fileName', undefined), str('Initial Comment', 'initialComment', undefined),
      str('Thread TS', 'threadTs', undefined), str('Title', 'title', undefined),
    ] },
  ...returnAllAndLimit('file', 'getAll', 50),
  { displayName: 'Filters', name: 'filters', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('file', ['getAll']),
    options: [
      { ...str('Channel Name or ID', 'channelId', undefined), type: 'options', typeOptions: { loadOptionsMethod: 'getChannels' } },
      bool('Show Files Hidden By Limit', 'showFilesHidden', false),
      str('Timestamp From', 'tsFrom', undefined), str('Timestamp To', 'tsTo', undefined),
      { displayName: 'Types', name: 'types', type: 'multiOptions', default: [], options: ['all', 'gdocs', 'images', 'pdfs', 'snippets', 'spaces', 'zips']
        .map((value) => ({ name: value === 'all' ? 'All' : value === 'gdocs' ? 'Google Docs' : value.charAt(0).toUpperCase() + value.slice(1), value })) },
      { ...str('User Name or ID', 'userId', undefined), type: 'options', typeOptions: { loadOptionsMethod: 'getUsers' } },
    ] },
  str('File ID', 'fileId', showFor('file', ['get'])),
];

const groupOptions = (name: string, operation: string, options: NodeProperty[]): NodeProperty =>
  ({ displayName: name === 'updateFields' ? 'Update Fields' : 'Options', name, type: 'collection', default: {}, placeholder: 'Add Field',
    displayOptions: showFor('userGroup', [operation]), options });
const groupWriteOptions = (): NodeProperty[] => [
  { displayName: 'Channel Names or IDs', name: 'channels', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getChannels' } },
  str('Description', 'description', undefined), str('Handle', 'handle', undefined), bool('Include Count', 'include_count', true),
];

const userGroupFields: NodeProperty[] = [
  str('Name', 'name', showFor('userGroup', ['create']), { required: true, description: 'A name for the User Group. Must be unique among User Groups.' }),
  groupOptions('options', 'create', groupWriteOptions()),
  str('User Group ID', 'userGroupId', showFor('userGroup', ['disable', 'enable', 'update']), { required: true, description: 'The encoded ID of the User Group' }),
  groupOptions('options', 'disable', [bool('Include Count', 'include_count', true)]),
  groupOptions('options', 'enable', [bool('Include Count', 'include_count', true)]),
  ...returnAllAndLimit('userGroup', 'getAll', 100),
  groupOptions('options', 'getAll', [bool('Include Count', 'include_count', true), bool('Include Disabled', 'include_disabled', true), bool('Include Users', 'include_users', true)]),
  groupOptions('updateFields', 'update', [...groupWriteOptions(), str('Name', 'name', undefined)]),
];

export const slackV2Properties: NodeProperty[] = [
  authentication,
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'message',
    options: ['Channel', 'File', 'Message', 'Reaction', 'Star', 'User', 'User Group'].map((name) => ({ name, value: name === 'User Group' ? 'userGroup' : name.toLowerCase() })) },
  operationChoice('channel', 'create', [
    ['Archive', 'archive', 'Archive a channel'], ['Close', 'close', 'Close a channel'], ['Create', 'create', 'Initiate a public or private channel-based conversation'],
    ['Get', 'get', 'Get information about a channel'], ['Get Many', 'getAll', 'Get many channels in a Slack team'], ['History', 'history', "Get a conversation's history of messages and events"],
    ['Invite', 'invite', 'Invite a user to a channel'], ['Join', 'join', 'Join an existing channel'], ['Kick', 'kick', 'Remove a user from a channel'],
    ['Leave', 'leave', 'Leave a channel'], ['Member', 'member', 'List members of a conversation'], ['Open', 'open', 'Open or resume a direct message or multi-person direct message'],
    ['Rename', 'rename', 'Rename a channel'], ['Replies', 'replies', 'Get a thread of messages posted to a channel'], ['Set Purpose', 'setPurpose', 'Set the purpose for a channel'],
    ['Set Topic', 'setTopic', 'Set the topic for a channel'], ['Unarchive', 'unarchive', 'Unarchive a channel'],
  ]),
  ...channelFields,
  operationChoice('message', 'post', [
    ['Delete', 'delete', 'Delete a message'], ['Get Permalink', 'getPermalink', 'Get a message permalink'], ['Search', 'search', 'Search for messages'],
    ['Send', 'post', 'Send a message'], ['Send and Wait for Response', 'sendAndWait', 'Send message and wait for response'], ['Update', 'update', 'Update a message'],
  ]),
  ...messageFields,
  ...slackSendAndWaitProperties,
  operationChoice('star', 'add', [['Add', 'add', 'Add a star to an item'], ['Delete', 'delete', 'Delete a star from an item'], ['Get Many', 'getAll', 'Get many stars of autenticated user']]),
  ...starFields,
  operationChoice('file', 'upload', [['Get', 'get', 'Get a file'], ['Get Many', 'getAll', 'Get many files'], ['Upload', 'upload', 'Create or upload an existing file']]),
  ...fileFields,
  operationChoice('reaction', 'add', [['Add', 'add', 'Add a reaction to a message'], ['Get', 'get', 'Get the reactions of a message'], ['Remove', 'remove', 'Remove a reaction of a message']]),
  ...reactionFields,
  operationChoice('user', 'info', [
    ['Get', 'info', 'Get information about a user'], ['Get Many', 'getAll', 'Get a list of many users'], ["Get User's Profile", 'getProfile', "Get a user's profile"],
    ["Get User's Status", 'getPresence', 'Get online status of a user'], ["Update User's Profile", 'updateProfile', "Update a user's profile"],
  ]),
  ...userFields,
  operationChoice('userGroup', 'create', [['Create', 'create', 'Create a user group'], ['Disable', 'disable', 'Disable a user group'],
    ['Enable', 'enable', 'Enable a user group'], ['Get Many', 'getAll', 'Get many user groups'], ['Update', 'update', 'Update a user group']]),
  ...userGroupFields,
];
