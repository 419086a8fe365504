// Parameters of n8n's legacy Slack v1 node for what real v1 exports use: message send (`channel`,
// `text`, `as_user`, attachments, JSON parameters, other options) and update; channel create, invite
// and open; file upload; user info, lists and presence; user profile get and update. Its operations
// other than message send and update and the user profile run with the v2 handlers, whose parameter
// names v1 shares.
import type { NodeProperty } from '../../engine/index.ts';
import { authentication } from './slack.description.ts';
import { showFor } from './slack-properties.ts';

const post = showFor('message', ['post', 'postEphemeral']);
const postOrUpdate = showFor('message', ['post', 'postEphemeral', 'update']);
const str = (displayName: string, name: string, displayOptions?: NodeProperty['displayOptions'], more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'string', default: '', ...(displayOptions ? { displayOptions } : {}), ...more });

const attachmentOptions: NodeProperty[] = [
  str('Fallback Text', 'fallback'), str('Text', 'text'), str('Title', 'title'), str('Title Link', 'title_link'),
  { displayName: 'Color', name: 'color', type: 'color', default: '#ff0000' },
  str('Pretext', 'pretext'), str('Author Name', 'author_name'), str('Author Link', 'author_link'), str('Author Icon', 'author_icon'),
  str('Image URL', 'image_url'), str('Thumbnail URL', 'thumb_url'), str('Footer', 'footer'), str('Footer Icon', 'footer_icon'),
  { displayName: 'Timestamp', name: 'ts', type: 'dateTime', default: '' },
  { displayName: 'Fields', name: 'fields', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true },
    options: [{ name: 'item', displayName: 'Item', values: [str('Title', 'title'), str('Value', 'value'), { displayName: 'Short', name: 'short', type: 'boolean', default: true }] }] },
];

const ops = (resource: string, fallback: string, options: Array<[string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback, displayOptions: { show: { resource: [resource] } },
  options: options.map(([name, value]) => ({ name, value })),
});
const upload = showFor('file', ['upload']);

/** Channel, file and user operations, with n8n v1's parameter names and defaults. */
const otherResources: NodeProperty[] = [
  ops('channel', 'create', [['Create', 'create'], ['Invite', 'invite'], ['Open', 'open']]),
  str('Channel', 'channelId', showFor('channel', ['create']), { required: true, placeholder: 'Channel name', description: 'The name of the channel to create' }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('channel', ['create']),
    options: [{ displayName: 'Is Private', name: 'isPrivate', type: 'boolean', default: false }] },
  { displayName: 'Channel Name or ID', name: 'channelId', type: 'options', typeOptions: { loadOptionsMethod: 'getChannels' }, default: '', required: true,
    displayOptions: showFor('channel', ['invite']), description: 'The channel to invite the users to' },
  { displayName: 'User Names or IDs', name: 'userIds', type: 'multiOptions', typeOptions: { loadOptionsMethod: 'getUsers' }, default: [], required: true,
    displayOptions: showFor('channel', ['invite']), description: 'The users to invite' },
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('channel', ['open']),
    options: [str('Channel ID', 'channelId', undefined, { description: 'Resume a conversation by its ID' }),
      { displayName: 'Return IM', name: 'returnIm', type: 'boolean', default: false, description: 'Whether to return the full IM channel definition' },
      { displayName: 'User Names or IDs', name: 'users', type: 'multiOptions', typeOptions: { loadOptionsMethod: 'getUsers' }, default: [] }] },

  ops('file', 'upload', [['Upload', 'upload']]),
  { displayName: 'Binary File', name: 'binaryData', type: 'boolean', default: false, displayOptions: upload, description: 'Whether the file to upload is in an input binary field' },
  str('File Content', 'fileContent', showFor('file', ['upload'], { binaryData: [false] }), { description: 'The text of the file' }),
  str('Input Binary Field', 'binaryPropertyName', showFor('file', ['upload'], { binaryData: [true] }), { default: 'data', required: true, description: 'The name of the input binary field containing the file to be uploaded' }),
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add option', displayOptions: upload,
    options: [{ displayName: 'Channel Names or IDs', name: 'channelIds', type: 'multiOptions', typeOptions: { loadOptionsMethod: 'getChannels' }, default: [] },
      str('File Name', 'fileName'), str('Initial Comment', 'initialComment'), str('Thread TS', 'threadTs', undefined, { description: 'Timestamp of the message to reply to' }), str('Title', 'title')] },

  ops('user', 'info', [['Info', 'info'], ['Get Many', 'getAll'], ['Get Presence', 'getPresence']]),
  str('User ID', 'user', showFor('user', ['info', 'getPresence']), { required: true, typeOptions: { loadOptionsMethod: 'getUsers' } }),
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: showFor('user', ['getAll']), description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1, maxValue: 100 }, default: 50, displayOptions: showFor('user', ['getAll'], { returnAll: [false] }),
    description: 'Max number of results to return' },
];

/** v1's User Profile: get (with the user and labels as arguments) and update (the profile's fields). */
const userProfile: NodeProperty[] = [
  ops('userProfile', 'get', [['Get', 'get'], ['Update', 'update']]),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('userProfile', ['update']),
    options: [
      { displayName: 'Custom Fields', name: 'customFieldUi', type: 'fixedCollection', default: {}, placeholder: 'Add Custom Fields', typeOptions: { multipleValues: true },
        options: [{ name: 'customFieldValues', displayName: 'Custom Field', values: [
          { displayName: 'Field Name or ID', name: 'id', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getTeamFields' } },
          str('Field Value', 'value'), str('Alt', 'alt')] }] },
      str('Email', 'email', undefined, { placeholder: 'name@email.com' }), str('First Name', 'first_name'), str('Last Name', 'last_name'),
      str('Status Emoji', 'status_emoji'), { displayName: 'Status Expiration', name: 'status_expiration', type: 'dateTime', default: '' },
      str('Status Text', 'status_text'), str('User ID', 'user'),
    ] },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('userProfile', ['get']),
    options: [{ displayName: 'Include Labels', name: 'include_labels', type: 'boolean', default: false }, str('User ID', 'user')] },
];

export const slackV1Properties: NodeProperty[] = [
  authentication,
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'message',
    options: [...['Channel', 'File', 'Message', 'Reaction', 'Star', 'User'].map((name) => ({ name, value: name.toLowerCase() })), { name: 'User Profile', value: 'userProfile' }] },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'post', displayOptions: { show: { resource: ['message'] } },
    options: [{ name: 'Delete', value: 'delete' }, { name: 'Get Permalink', value: 'getPermalink' }, { name: 'Post', value: 'post' },
      { name: 'Post (Ephemeral)', value: 'postEphemeral' }, { name: 'Update', value: 'update' }] },
  str('Channel', 'channel', post, { required: true, placeholder: 'Channel name', description: 'The channel to send the message to' }),
  str('Channel ID', 'channelId', showFor('message', ['update']), { required: true }),
  str('User', 'user', showFor('message', ['postEphemeral']), { required: true, description: 'The user ID to send the ephemeral message to' }),
  str('Text', 'text', showFor('message', ['post', 'postEphemeral', 'update']), { typeOptions: { alwaysOpenEditWindow: true }, description: 'The text to send' }),
  str('TS', 'ts', showFor('message', ['update']), { required: true, description: 'Timestamp of the message to be updated' }),
  { displayName: 'As User', name: 'as_user', type: 'boolean', default: false, displayOptions: showFor('message', ['post', 'postEphemeral'], { authentication: ['accessToken'] }),
    description: 'Whether to post the message as the authed user instead of as a bot' },
  str('User Name', 'username', showFor('message', ['post', 'postEphemeral'], { as_user: [false] }), { description: 'Set the bot’s user name' }),
  { displayName: 'JSON Parameters', name: 'jsonParameters', type: 'boolean', default: false, displayOptions: postOrUpdate },
  { displayName: 'Attachments', name: 'attachmentsJson', type: 'json', default: '', typeOptions: { alwaysOpenEditWindow: true },
    displayOptions: showFor('message', ['post', 'update'], { jsonParameters: [true] }), description: 'The attachment to add' },
  { displayName: 'Blocks', name: 'blocksJson', type: 'json', default: '', typeOptions: { alwaysOpenEditWindow: true },
    displayOptions: showFor('message', ['post', 'update'], { jsonParameters: [true] }), description: 'The blocks to add' },
  { displayName: 'Attachments', name: 'attachments', type: 'collection', default: {}, placeholder: 'Add attachment item',
    typeOptions: { multipleValues: true, multipleValueButtonText: 'Add attachment' }, displayOptions: showFor('message', ['post', 'update'], { jsonParameters: [false] }),
    options: attachmentOptions },
  { displayName: 'Other Options', name: 'otherOptions', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('message', ['post'], { jsonParameters: [false] }),
    options: [
      str('Icon Emoji', 'icon_emoji'), str('Icon URL', 'icon_url'),
      { displayName: 'Link Names', name: 'link_names', type: 'boolean', default: false },
      { displayName: 'Make Reply', name: 'thread_ts', type: 'string', default: '' },
      { displayName: 'Markdown', name: 'mrkdwn', type: 'boolean', default: true },
      { displayName: 'Reply Broadcast', name: 'reply_broadcast', type: 'boolean', default: false },
      { displayName: 'Parse', name: 'parse', type: 'options', default: 'none', options: [{ name: 'Client', value: 'client' }, { name: 'Full', value: 'full' }, { name: 'None', value: 'none' }] },
      { displayName: 'Unfurl Links', name: 'unfurl_links', type: 'boolean', default: false },
      { displayName: 'Unfurl Media', name: 'unfurl_media', type: 'boolean', default: true },
    ] },
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: showFor('message', ['update']),
    options: [{ displayName: 'As User', name: 'as_user', type: 'boolean', default: false },
      { displayName: 'Link Names', name: 'link_names', type: 'boolean', default: false },
      { displayName: 'Parse', name: 'parse', type: 'options', default: 'client', options: [{ name: 'Client', value: 'client' }, { name: 'Full', value: 'full' }, { name: 'None', value: 'none' }] }] },
  ...otherResources,
  ...userProfile,
];
