// Parameters of n8n's Discord v2 node: names, options, defaults and display rules as n8n's, for the
// message, channel and member resources (bot token or OAuth2) and the webhook message (webhook mode).
import type { DisplayOptions, NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';
import { discordSendAndWaitProperties } from './discord-send-and-wait.ts';

export const discordV2Credentials: NodeCredentialDescription[] = [
  { name: 'discordBotApi', required: true, displayOptions: { show: { authentication: ['botToken'] } } },
  { name: 'discordOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
  { name: 'discordWebhookApi', displayOptions: { show: { authentication: ['webhook'] } } },
];

const notWebhook = { hide: { authentication: ['webhook'] } };
const showFor = (resource: string, operation: string[]): DisplayOptions => ({ show: { resource: [resource], operation }, ...notWebhook });
const idMode = (placeholder: string) => ({ displayName: 'By ID', name: 'id', type: 'string', placeholder });
const urlMode = (placeholder: string) => ({ displayName: 'By URL', name: 'url', type: 'string', placeholder });
const listMode = (method: string, placeholder: string) => ({ displayName: 'By Name', name: 'list', type: 'list', placeholder, typeOptions: { searchListMethod: method } });

const locator = (displayName: string, name: string, description: string, modes: NodeProperty['modes'], displayOptions: DisplayOptions, required = true): NodeProperty =>
  ({ displayName, name, type: 'resourceLocator', default: { mode: 'list', value: '' }, required, description, modes, displayOptions });

const guildLocator = (resource: string): NodeProperty => locator('Server', 'guildId', 'Select the server (guild) that your bot is connected to',
  [listMode('guildSearch', 'e.g. my-server'), urlMode('e.g. https://discord.com/channels/[guild-id]'), idMode('e.g. 896347036838936576')],
  { show: { resource: [resource], authentication: ['botToken', 'oAuth2'] } });
const channelLocator = (displayOptions: DisplayOptions, method = 'channelSearch'): NodeProperty => locator('Channel', 'channelId', 'Select the channel by name, URL, or ID',
  [listMode(method, 'e.g. my-channel'), urlMode('e.g. https://discord.com/channels/[guild-id]/[channel-id]'), idMode('e.g. 896347036838936576')], displayOptions);
const userLocator = (displayOptions: DisplayOptions): NodeProperty => ({
  ...locator('User', 'userId', 'Select the user you want to assign a role to', [listMode('userSearch', 'e.g. DiscordUser'), idMode('e.g. 786953432728469534')], displayOptions),
  required: undefined,
});
const categoryLocator: NodeProperty = {
  ...locator('Parent Category', 'categoryId', 'The parent category where you want the channel to appear',
    [listMode('categorySearch', 'e.g. my-channel'), urlMode('e.g. https://discord.com/channels/[guild-id]/[channel-id]'), idMode('e.g. 896347036838936576')], {}),
  required: undefined, displayOptions: undefined,
};

const returnAllAndLimit = (displayOptions: DisplayOptions): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', displayOptions },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 50, description: 'Max number of results to return', typeOptions: { minValue: 1 },
    displayOptions: { ...displayOptions, show: { ...displayOptions.show, returnAll: [false] } } },
];
const simplify: NodeProperty = { displayName: 'Simplify', name: 'simplify', type: 'boolean', default: true, description: 'Whether to return a simplified version of the response instead of the raw data' };
const options = (displayOptions: DisplayOptions, entries: NodeProperty[], displayName = 'Options'): NodeProperty =>
  ({ displayName, name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions, options: entries });
const messageId = (displayOptions: DisplayOptions): NodeProperty =>
  ({ displayName: 'Message ID', name: 'messageId', type: 'string', default: '', required: true, description: 'The ID of the message', placeholder: 'e.g. 1057576506244726804', displayOptions });

const str = (displayName: string, name: string, more: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...more });
const embedFields: NodeProperty[] = ([
  str('Description', 'description', { typeOptions: { rows: 2 } }), str('Author', 'author'),
  { displayName: 'Color', name: 'color', type: 'color', default: '' },
  { displayName: 'Timestamp', name: 'timestamp', type: 'dateTime', default: '' },
  str('Title', 'title'), str('URL', 'url'), str('URL Image', 'image'), str('URL Thumbnail', 'thumbnail'), str('URL Video', 'video'),
] as NodeProperty[]).map((field) => ({ ...field, displayOptions: { show: { inputMethod: ['fields'] } } }));

const embeds = (displayOptions: DisplayOptions): NodeProperty => ({
  displayName: 'Embeds', name: 'embeds', type: 'fixedCollection', placeholder: 'Add Embeds', typeOptions: { multipleValues: true }, default: [], displayOptions,
  options: [{ displayName: 'Values', name: 'values', values: [
    { displayName: 'Input Method', name: 'inputMethod', type: 'options', default: 'fields', options: [{ name: 'Enter Fields', value: 'fields' }, { name: 'Raw JSON', value: 'json' }] },
    { displayName: 'Value', name: 'json', type: 'json', default: '={}', typeOptions: { rows: 2 }, displayOptions: { show: { inputMethod: ['json'] } } },
    ...embedFields,
  ] }],
});
const files = (displayOptions: DisplayOptions): NodeProperty => ({
  displayName: 'Files', name: 'files', type: 'fixedCollection', placeholder: 'Add Files', typeOptions: { multipleValues: true }, default: [], displayOptions,
  options: [{ displayName: 'Values', name: 'values', values: [
    { displayName: 'Input Data Field Name', name: 'inputFieldName', type: 'string', default: 'data', placeholder: 'e.g. data',
      description: 'The contents of the file being sent with the message' },
  ] }],
});
const flags: NodeProperty = { displayName: 'Flags', name: 'flags', type: 'multiOptions', default: [],
  options: [{ name: 'Suppress Embeds', value: 'SUPPRESS_EMBEDS' }, { name: 'Suppress Notifications', value: 'SUPPRESS_NOTIFICATIONS' }] };
const tts: NodeProperty = { displayName: 'Text-to-Speech (TTS)', name: 'tts', type: 'boolean', default: false, description: 'Whether to have a bot reading the message directly in the channel' };
const content = (displayOptions: DisplayOptions): NodeProperty =>
  str('Message', 'content', { required: true, description: 'The content of the message (up to 2000 characters)', placeholder: 'e.g. My message', typeOptions: { rows: 2 }, displayOptions });

const operation = (resource: string, fallback: string, choices: Array<[string, string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback,
  displayOptions: { show: { resource: [resource], authentication: ['botToken', 'oAuth2'] } },
  options: choices.map(([name, value, action]) => ({ name, value, description: action })),
});

const send = showFor('message', ['send']);
const messageProperties: NodeProperty[] = [
  operation('message', 'send', [
    ['Delete', 'deleteMessage', 'Delete a message'], ['Get', 'get', 'Get a message'], ['Get Many', 'getAll', 'Get many messages'],
    ['React with Emoji', 'react', 'React with an emoji to a message'], ['Send', 'send', 'Send a message'],
    ['Send and Wait for Response', 'sendAndWait', 'Send message and wait for response'],
  ]),
  guildLocator('message'),
  channelLocator(showFor('message', ['getAll', 'get', 'react', 'deleteMessage'])),
  ...returnAllAndLimit(showFor('message', ['getAll'])),
  messageId(showFor('message', ['get', 'react', 'deleteMessage'])),
  { displayName: 'Emoji', name: 'emoji', type: 'string', default: '', required: true, description: 'The emoji you want to react with', displayOptions: showFor('message', ['react']) },
  options(showFor('message', ['getAll', 'get']), [simplify]),
  { displayName: 'Send To', name: 'sendTo', type: 'options', default: 'channel', description: 'Send message to a channel or DM to a user',
    options: [{ name: 'User', value: 'user' }, { name: 'Channel', value: 'channel' }], displayOptions: send },
  userLocator({ show: { resource: ['message'], operation: ['send'], sendTo: ['user'] }, ...notWebhook }),
  channelLocator({ show: { resource: ['message'], operation: ['send'], sendTo: ['channel'] }, ...notWebhook }, 'textChannelSearch'),
  ...discordSendAndWaitProperties,
  content(send),
  options(send, [
    flags,
    str('Message to Reply to', 'message_reference', { description: 'Fill this to make your message a reply. Add the message ID.', placeholder: 'e.g. 1059467601836773386' }),
    tts,
  ]),
  embeds(send),
  files(send),
];

const channelTypes = [{ name: 'Guild Text', value: '0' }, { name: 'Guild Voice', value: '2' }, { name: 'Guild Category', value: '4' }];
const channelOptions: NodeProperty[] = [
  { displayName: 'Age-Restricted (NSFW)', name: 'nsfw', type: 'boolean', default: false },
  { displayName: 'Bitrate', name: 'bitrate', type: 'number', default: 8000, typeOptions: { minValue: 8000, maxValue: 96000 } },
  categoryLocator,
  { displayName: 'Position', name: 'position', type: 'number', default: 1 },
  { displayName: 'Rate Limit Per User', name: 'rate_limit_per_user', type: 'number', default: 0 },
  str('Topic', 'topic', { typeOptions: { rows: 2 } }),
  { displayName: 'User Limit', name: 'user_limit', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 99 } },
];
const channelProperties: NodeProperty[] = [
  operation('channel', 'create', [
    ['Create', 'create', 'Create a channel'], ['Delete', 'deleteChannel', 'Delete a channel'], ['Get', 'get', 'Get a channel'],
    ['Get Many', 'getAll', 'Get many channels'], ['Update', 'update', 'Update a channel'],
  ]),
  guildLocator('channel'),
  channelLocator(showFor('channel', ['get', 'update', 'deleteChannel'])),
  str('Name', 'name', { required: true, description: 'The name of the channel', placeholder: 'e.g. new-channel', displayOptions: showFor('channel', ['create']) }),
  { displayName: 'Type', name: 'type', type: 'options', default: '0', required: true, options: channelTypes, displayOptions: showFor('channel', ['create']) },
  str('Name', 'name', { description: "The new name of the channel. Fill this field only if you want to change the channel's name.", displayOptions: showFor('channel', ['update']) }),
  options(showFor('channel', ['create', 'update']), channelOptions),
  ...returnAllAndLimit(showFor('channel', ['getAll'])),
  options(showFor('channel', ['getAll']), [{ displayName: 'Filter by Type', name: 'filter', type: 'multiOptions', default: [],
    options: channelTypes.map((t) => ({ ...t, value: Number(t.value) })) }]),
];

const roles: NodeProperty = { displayName: 'Role', name: 'role', type: 'multiOptions', required: true, default: [],
  typeOptions: { loadOptionsMethod: 'getRoles', loadOptionsDependsOn: ['userId.value', 'guildId.value', 'operation'] },
  displayOptions: showFor('member', ['roleAdd', 'roleRemove']) };
const memberProperties: NodeProperty[] = [
  operation('member', 'getAll', [
    ['Get Many', 'getAll', 'Retrieve members of a server'], ['Role Add', 'roleAdd', 'Add a role to a member'], ['Role Remove', 'roleRemove', 'Remove a role from a member'],
  ]),
  guildLocator('member'),
  ...returnAllAndLimit(showFor('member', ['getAll'])),
  str('After', 'after', { placeholder: 'e.g. 786953432728469534', description: 'The ID of the user after which to return the members', displayOptions: showFor('member', ['getAll']) }),
  options(showFor('member', ['getAll']), [simplify]),
  userLocator(showFor('member', ['roleAdd', 'roleRemove'])),
  roles,
];

// n8n's exports carry no resource in webhook mode (the resource parameter is hidden there).
const webhookShow: DisplayOptions = { show: { operation: ['sendLegacy'], authentication: ['webhook'] } };
const webhookProperties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'sendLegacy', displayOptions: { show: { authentication: ['webhook'] } },
    options: [{ name: 'Send a message', value: 'sendLegacy', description: 'Send a message to a channel using the webhook' }] },
  content(webhookShow),
  options(webhookShow, [
    str('Avatar URL', 'avatar_url', { description: 'Override the default avatar of the webhook' }),
    flags, tts,
    str('Username', 'username', { description: 'Override the default username of the webhook' }),
    { displayName: 'Wait', name: 'wait', type: 'boolean', default: false, description: 'Whether wait for the message to be created before returning its response' },
  ]),
  embeds(webhookShow),
  files(webhookShow),
];

export const discordV2Properties: NodeProperty[] = [
  { displayName: 'Connection Type', name: 'authentication', type: 'options', default: 'botToken', options: [
    { name: 'Bot Token', value: 'botToken', description: 'Manage messages, channels, and members on a server' },
    { name: 'OAuth2', value: 'oAuth2', description: "Same features as 'Bot Token' with easier Bot installation" },
    { name: 'Webhook', value: 'webhook', description: 'Send messages to a specific channel' },
  ] },
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'channel', displayOptions: notWebhook,
    options: [{ name: 'Channel', value: 'channel' }, { name: 'Message', value: 'message' }, { name: 'Member', value: 'member' }] },
  ...messageProperties,
  ...channelProperties,
  ...memberProperties,
  ...webhookProperties,
];
