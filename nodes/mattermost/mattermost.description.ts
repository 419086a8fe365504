// Parameters of n8n's Mattermost v1 node: resources channel, message, reaction and user with n8n's
// operation values, parameter names, defaults and display rules. Older exports carry the operation
// values `del` and `desactive` (n8n's router renames them), so their fields show for those too.
import type { DisplayOptions, NodeProperty } from '../../engine/index.ts';

const showFor = (resource: string, operation: string[], more: Record<string, unknown[]> = {}): DisplayOptions =>
  ({ show: { resource: [resource], operation, ...more } });
const str = (displayName: string, name: string, displayOptions: DisplayOptions, more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'string', default: '', displayOptions, ...more });
const loaded = (displayName: string, name: string, method: string, displayOptions: DisplayOptions, dependsOn?: string[]): NodeProperty => ({
  displayName, name, type: 'options', typeOptions: { loadOptionsMethod: method, ...(dependsOn ? { loadOptionsDependsOn: dependsOn } : {}) },
  options: [], default: '', required: true, displayOptions,
});
const operation = (resource: string, fallback: string, choices: Array<[string, string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback, displayOptions: { show: { resource: [resource] } },
  options: choices.map(([name, value, description]) => ({ name, value, description })),
});
const returnAllAndLimit = (resource: string, op: string, returnAll: boolean, limit: number, maxValue?: number): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: returnAll, description: 'Whether to return all results or only up to a given limit', displayOptions: showFor(resource, [op]) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: limit, description: 'Max number of results to return',
    typeOptions: { minValue: 1, ...(maxValue ? { maxValue } : {}) }, displayOptions: showFor(resource, [op], { returnAll: [false] }) },
];

const channelProperties: NodeProperty[] = [
  operation('channel', 'create', [
    ['Add User', 'addUser', 'Add a user to a channel'], ['Create', 'create', 'Create a new channel'], ['Delete', 'delete', 'Soft delete a channel'],
    ['Member', 'members', 'Get a page of members for a channel'], ['Restore', 'restore', 'Restores a soft deleted channel'],
    ['Search', 'search', 'Search for a channel'], ['Statistics', 'statistics', 'Get statistics for a channel'],
  ]),
  loaded('Team Name or ID', 'teamId', 'getTeams', showFor('channel', ['create', 'members', 'search'])),
  str('Display Name', 'displayName', showFor('channel', ['create']), { required: true, placeholder: 'Announcements', description: 'The non-unique UI name for the channel' }),
  str('Name', 'channel', showFor('channel', ['create']), { required: true, placeholder: 'announcements', description: 'The unique handle for the channel, will be present in the channel URL' }),
  { displayName: 'Type', name: 'type', type: 'options', default: 'public', displayOptions: showFor('channel', ['create']),
    options: [{ name: 'Private', value: 'private' }, { name: 'Public', value: 'public' }], description: 'The type of channel to create' },
  loaded('Channel Name or ID', 'channelId', 'getChannels', showFor('channel', ['delete', 'del', 'addUser', 'statistics'])),
  loaded('Channel Name or ID', 'channelId', 'getChannelsInTeam', showFor('channel', ['members']), ['teamId']),
  str('Channel ID', 'channelId', showFor('channel', ['restore']), { required: true, description: 'The ID of the channel to restore' }),
  loaded('User Name or ID', 'userId', 'getUsers', showFor('channel', ['addUser'])),
  { displayName: 'Resolve Data', name: 'resolveData', type: 'boolean', default: true, displayOptions: showFor('channel', ['members']),
    description: 'Whether to resolve the user IDs to the users' },
  ...returnAllAndLimit('channel', 'members', true, 100, 100),
  str('Search Term', 'term', showFor('channel', ['search']), { required: true, placeholder: 'General', description: 'The search term for Channels in a Team' }),
  ...returnAllAndLimit('channel', 'search', false, 50),
];

const attachmentOptions: NodeProperty[] = [
  { displayName: 'Actions', name: 'actions', type: 'fixedCollection', placeholder: 'Add Actions', typeOptions: { multipleValues: true }, default: {}, options: [
    { displayName: 'Item', name: 'item', values: [
      { displayName: 'Type', name: 'type', type: 'options', default: 'button', options: [{ name: 'Button', value: 'button' }, { name: 'Select', value: 'select' }] },
      { displayName: 'Data Source', name: 'data_source', type: 'options', default: 'custom', displayOptions: { show: { type: ['select'] } },
        options: [{ name: 'Channels', value: 'channels' }, { name: 'Custom', value: 'custom' }, { name: 'Users', value: 'users' }] },
      { displayName: 'Options', name: 'options', type: 'fixedCollection', placeholder: 'Add option', typeOptions: { multipleValues: true }, default: {},
        displayOptions: { show: { data_source: ['custom'], type: ['select'] } },
        options: [{ displayName: 'Option', name: 'option', values: [
          { displayName: 'Option Text', name: 'text', type: 'string', default: '' }, { displayName: 'Option Value', name: 'value', type: 'string', default: '' },
        ] }] },
      { displayName: 'Name', name: 'name', type: 'string', default: '' },
      { displayName: 'Integration', name: 'integration', type: 'fixedCollection', placeholder: 'Add Integration', typeOptions: { multipleValues: false }, default: {},
        options: [{ displayName: 'Item', name: 'item', values: [
          { displayName: 'URL', name: 'url', type: 'string', default: '' },
          { displayName: 'Context', name: 'context', type: 'fixedCollection', placeholder: 'Add Context to Integration', typeOptions: { multipleValues: true }, default: {},
            options: [{ displayName: 'Property', name: 'property', values: [
              { displayName: 'Property Name', name: 'name', type: 'string', default: '' }, { displayName: 'Property Value', name: 'value', type: 'string', default: '' },
            ] }] },
        ] }] },
    ] },
  ] },
  { displayName: 'Author Icon', name: 'author_icon', type: 'string', default: '' },
  { displayName: 'Author Link', name: 'author_link', type: 'string', default: '' },
  { displayName: 'Author Name', name: 'author_name', type: 'string', default: '' },
  { displayName: 'Color', name: 'color', type: 'color', default: '#ff0000', description: 'Color of the line left of text' },
  { displayName: 'Fallback Text', name: 'fallback', type: 'string', default: '' },
  { displayName: 'Fields', name: 'fields', type: 'fixedCollection', placeholder: 'Add Fields', typeOptions: { multipleValues: true }, default: {}, options: [
    { displayName: 'Item', name: 'item', values: [
      { displayName: 'Title', name: 'title', type: 'string', default: '' }, { displayName: 'Value', name: 'value', type: 'string', default: '' },
      { displayName: 'Short', name: 'short', type: 'boolean', default: true },
    ] },
  ] },
  { displayName: 'Footer', name: 'footer', type: 'string', default: '' },
  { displayName: 'Footer Icon', name: 'footer_icon', type: 'string', default: '' },
  { displayName: 'Image URL', name: 'image_url', type: 'string', default: '' },
  { displayName: 'Pretext', name: 'pretext', type: 'string', default: '' },
  { displayName: 'Text', name: 'text', type: 'string', default: '' },
  { displayName: 'Thumbnail URL', name: 'thumb_url', type: 'string', default: '' },
  { displayName: 'Title', name: 'title', type: 'string', default: '' },
  { displayName: 'Title Link', name: 'title_link', type: 'string', default: '' },
];

const messageProperties: NodeProperty[] = [
  operation('message', 'post', [
    ['Delete', 'delete', 'Soft delete a post, by marking the post as deleted in the database'],
    ['Post', 'post', 'Post a message into a channel'], ['Post Ephemeral', 'postEphemeral', 'Post an ephemeral message into a channel'],
  ]),
  str('Post ID', 'postId', showFor('message', ['delete', 'del']), { required: true, description: 'ID of the post to delete' }),
  loaded('Channel Name or ID', 'channelId', 'getChannels', showFor('message', ['post'])),
  str('Message', 'message', showFor('message', ['post']), { description: 'The text to send' }),
  { displayName: 'Attachments', name: 'attachments', type: 'collection', typeOptions: { multipleValues: true, multipleValueButtonText: 'Add attachment' },
    displayOptions: showFor('message', ['post']), default: {}, placeholder: 'Add attachment item', options: attachmentOptions },
  { displayName: 'Other Options', name: 'otherOptions', type: 'collection', displayOptions: showFor('message', ['post']), default: {}, placeholder: 'Add option',
    options: [{ displayName: 'Parent Post ID', name: 'root_id', type: 'string', default: '', description: 'If set, the created message will be a threaded reply to the specified parent post ID' }] },
  loaded('User Name or ID', 'userId', 'getUsers', showFor('message', ['postEphemeral'])),
  loaded('Channel Name or ID', 'channelId', 'getChannels', showFor('message', ['postEphemeral'])),
  str('Message', 'message', showFor('message', ['postEphemeral']), { description: 'Text to send in the ephemeral message' }),
];

const reactionProperties: NodeProperty[] = [
  operation('reaction', 'create', [
    ['Create', 'create', 'Add a reaction to a post'], ['Delete', 'delete', 'Remove a reaction from a post'], ['Get All', 'getAll', 'Get all the reactions to one or more posts'],
  ]),
  loaded('User Name or ID', 'userId', 'getUsers', showFor('reaction', ['create', 'delete', 'del'])),
  str('Post ID', 'postId', showFor('reaction', ['create', 'delete', 'del']), { required: true, placeholder: '3moacfqxmbdw38r38fjprh6zsr', description: 'ID of the post to react to' }),
  str('Emoji Name', 'emojiName', showFor('reaction', ['create', 'delete', 'del']), { required: true, placeholder: 'thumbsup', description: 'Emoji to use for this reaction' }),
  str('Post ID', 'postId', showFor('reaction', ['getAll']), { required: true, placeholder: '3moacfqxmbdw38r38fjprh6zsr', description: 'One or more (comma-separated) posts to retrieve reactions from' }),
  ...returnAllAndLimit('reaction', 'getAll', true, 100, 100),
];

const notify = (name: string, displayName: string, defaultValue: string): NodeProperty => ({ displayName, name, type: 'options', default: defaultValue,
  options: [{ name: 'All', value: 'all' }, { name: 'Mention', value: 'mention' }, { name: 'None', value: 'none' }] });
const userProperties: NodeProperty[] = [
  operation('user', '', [
    ['Create', 'create', 'Create a new user'], ['Deactive', 'deactive', 'Deactivates the user and revokes all its sessions by archiving its user object'],
    ['Get All', 'getAll', 'Retrieve all users'], ['Get By Email', 'getByEmail', 'Get a user by email'], ['Get By ID', 'getById', 'Get a user by ID'],
    ['Invite', 'invite', 'Invite user to team'],
  ]),
  str('Username', 'username', showFor('user', ['create']), { required: true }),
  { displayName: 'Auth Service', name: 'authService', type: 'options', default: '', displayOptions: showFor('user', ['create']), options: [
    { name: 'Email', value: 'email' }, { name: 'Gitlab', value: 'gitlab' }, { name: 'Google', value: 'google' }, { name: 'LDAP', value: 'ldap' },
    { name: 'Office365', value: 'office365' }, { name: 'SAML', value: 'saml' },
  ] },
  str('Auth Data', 'authData', { ...showFor('user', ['create']), hide: { authService: ['email'] } }),
  str('Email', 'email', showFor('user', ['create'], { authService: ['email'] }), { placeholder: 'name@email.com' }),
  str('Password', 'password', showFor('user', ['create'], { authService: ['email'] }), { typeOptions: { password: true }, description: 'The password used for email authentication' }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: showFor('user', ['create']), options: [
    { displayName: 'First Name', name: 'first_name', type: 'string', default: '' }, { displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
    { displayName: 'Locale', name: 'locale', type: 'string', default: '' }, { displayName: 'Nickname', name: 'nickname', type: 'string', default: '' },
    { displayName: 'Notification Settings', name: 'notificationUi', type: 'fixedCollection', placeholder: 'Add Notification Setting', default: {}, typeOptions: { multipleValues: false },
      options: [{ displayName: 'Notify', name: 'notificationValues', values: [
        { displayName: 'Channel', name: 'channel', type: 'boolean', default: true }, notify('desktop', 'Desktop', 'all'),
        { displayName: 'Desktop Sound', name: 'desktop_sound', type: 'boolean', default: true }, { displayName: 'Email', name: 'email', type: 'boolean', default: false },
        { displayName: 'First Name', name: 'first_name', type: 'boolean', default: false }, { displayName: 'Mention Keys', name: 'mention_keys', type: 'string', default: '' },
        notify('push', 'Push', 'mention'),
      ] }] },
  ] },
  str('User ID', 'userId', showFor('user', ['deactive', 'desactive']), { required: true, description: 'User GUID' }),
  ...returnAllAndLimit('user', 'getAll', true, 100, 100),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: showFor('user', ['getAll']), options: [
    { displayName: 'In Channel', name: 'inChannel', type: 'string', default: '', description: 'The ID of the channel to get users for' },
    { displayName: 'In Team', name: 'inTeam', type: 'string', default: '', description: 'The ID of the team to get users for' },
    { displayName: 'Not In Team', name: 'notInTeam', type: 'string', default: '', description: 'The ID of the team to exclude users for' },
    { displayName: 'Not In Channel', name: 'notInChannel', type: 'string', default: '', description: 'The ID of the channel to exclude users for' },
    { displayName: 'Sort', name: 'sort', type: 'options', default: 'username', options: [
      { name: 'Created At', value: 'createdAt' }, { name: 'Last Activity At', value: 'lastActivityAt' }, { name: 'Status', value: 'status' }, { name: 'Username', value: 'username' },
    ] },
  ] },
  str('Email', 'email', showFor('user', ['getByEmail']), { required: true, placeholder: 'name@email.com', description: "User's email" }),
  str('User IDs', 'userIds', showFor('user', ['getById']), { required: true, description: 'User\'s ID' }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: showFor('user', ['getById']), options: [
    { displayName: 'Since', name: 'since', type: 'dateTime', default: '', description: 'Only return users that have been modified since the given Unix timestamp (in milliseconds)' },
  ] },
  loaded('Team Name or ID', 'teamId', 'getTeams', showFor('user', ['invite'])),
  str('Emails', 'emails', showFor('user', ['invite']), { required: true, description: "User's email. Multiple emails can be set separated by comma." }),
];

export const mattermostProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'message', options: [
    { name: 'Channel', value: 'channel' }, { name: 'Message', value: 'message' }, { name: 'Reaction', value: 'reaction' }, { name: 'User', value: 'user' },
  ] },
  ...channelProperties,
  ...messageProperties,
  ...reactionProperties,
  ...userProperties,
];
