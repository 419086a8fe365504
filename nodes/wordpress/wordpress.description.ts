// Parameters of n8n's Wordpress v1 node: resources post, page and user with n8n's operation values,
// parameter names, defaults and display rules (delete is not offered in n8n's lists; its fields are
// kept so older exports that carry it still run).
import type { DisplayOptions, NodeProperty } from '../../engine/index.ts';

const showFor = (resource: string, operation: string[], more: Record<string, unknown[]> = {}): DisplayOptions =>
  ({ show: { resource: [resource], operation, ...more } });
const opt = (name: string, value: string) => ({ name, value });
const choices = (displayName: string, name: string, values: Array<[string, string]>, fallback: string, description?: string): NodeProperty =>
  ({ displayName, name, type: 'options', options: values.map(([n, v]) => opt(n, v)), default: fallback, ...(description ? { description } : {}) });
const str = (displayName: string, name: string, description: string, more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'string', default: '', description, ...more });
const operation = (resource: string, extra: Array<[string, string, string]> = []): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'create', displayOptions: { show: { resource: [resource] } },
  options: [
    { name: 'Create', value: 'create', description: `Create a ${resource}` },
    { name: 'Get', value: 'get', description: `Get a ${resource}` },
    { name: resource === 'page' ? 'Get Many' : 'Get All', value: 'getAll', description: `Get ${resource === 'page' ? 'many' : 'all'} ${resource}s` },
    { name: 'Update', value: 'update', description: `Update a ${resource}` },
    ...extra.map(([name, value, description]) => ({ name, value, description })),
  ],
});

const STATUSES: Array<[string, string]> = [['Draft', 'draft'], ['Future', 'future'], ['Pending', 'pending'], ['Private', 'private'], ['Publish', 'publish']];
const OPEN_CLOSED: Array<[string, string]> = [['Open', 'open'], ['Close', 'closed']];
const CONTEXT = choices('Context', 'context', [['View', 'view'], ['Embed', 'embed'], ['Edit', 'edit']], 'view', 'Scope under which the request is made; determines fields present in response');
const ORDER = choices('Order', 'order', [['ASC', 'asc'], ['DESC', 'desc']], 'desc', 'Order sort attribute ascending or descending');
const FORMATS: Array<[string, string]> = ['Aside', 'Audio', 'Chat', 'Gallery', 'Image', 'Link', 'Quote', 'Standard', 'Status', 'Video'].map((n) => [n, n.toLowerCase()]);
const POST_ORDER_BY: Array<[string, string]> = [['Author', 'author'], ['Date', 'date'], ['ID', 'id'], ['Include', 'include'], ['Include Slugs', 'include_slugs'],
  ['Modified', 'modified'], ['Parent', 'parent'], ['Relevance', 'relevance'], ['Slug', 'slug'], ['Title', 'title']];

const author = (multi = false): NodeProperty => ({
  displayName: multi ? 'Author Names or IDs' : 'Author Name or ID', name: multi ? 'author' : 'authorId', type: multi ? 'multiOptions' : 'options',
  typeOptions: { loadOptionsMethod: 'getAuthors' }, default: multi ? [] : '',
  description: multi ? 'Limit result set to items assigned to specific authors' : 'The ID for the author of the object',
});
const terms = (displayName: string, name: string, method: 'getCategories' | 'getTags', description: string): NodeProperty =>
  ({ displayName, name, type: 'multiOptions', typeOptions: { loadOptionsMethod: method }, default: [], description });
const template = (name: string): NodeProperty => ({
  displayName: 'Template', name, type: 'fixedCollection', default: {}, typeOptions: { multipleValues: false },
  options: [{ displayName: 'Values', name: 'values', values: [
    { displayName: 'Elementor Template', name: 'elementor', type: 'boolean', default: true, description: 'Whether site uses elementor page builder' },
    { displayName: 'Template', name: 'template', type: 'string', default: '', description: 'The theme file to use', displayOptions: { show: { elementor: [false] } } },
    { displayName: 'Template', name: 'template', type: 'options', default: '', description: 'The Elementor template to use', displayOptions: { show: { elementor: [true] } },
      options: [opt('Standard', ''), opt('Elementor Canvas', 'elementor_canvas'), opt('Elementor Header Footer', 'elementor_header_footer'), opt('Elementor Theme', 'elementor_theme')] },
  ] }],
});
const returnAllAndLimit = (resource: string): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', displayOptions: showFor(resource, ['getAll']) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 5, typeOptions: { minValue: 1, maxValue: 10 }, description: 'Max number of results to return',
    displayOptions: showFor(resource, ['getAll'], { returnAll: [false] }) },
];
const collectionOf = (displayName: string, name: string, displayOptions: DisplayOptions, options: NodeProperty[]): NodeProperty =>
  ({ displayName, name, type: 'collection', placeholder: displayName === 'Options' ? 'Add Option' : 'Add Field', default: {}, displayOptions, options });

const contentFields = (kind: 'post' | 'page', withTitle: boolean): NodeProperty[] => [
  author(),
  ...(kind === 'page' ? [{ displayName: 'Parent ID', name: 'parent', type: 'number', default: '', description: 'The ID for the parent of the post' } as NodeProperty] : []),
  ...(withTitle ? [str('Title', 'title', `The title for the ${kind}`)] : []),
  str('Content', 'content', `The content for the ${kind}`, kind === 'post' ? { typeOptions: { alwaysOpenEditWindow: true } } : {}),
  str('Slug', 'slug', 'An alphanumeric identifier for the object unique to its type'),
  str('Password', 'password', 'A password to protect access to the content and excerpt', kind === 'page' ? { typeOptions: { password: true } } : {}),
  choices('Status', 'status', STATUSES, 'draft', `A named status for the ${kind}`),
  choices('Comment Status', 'commentStatus', OPEN_CLOSED, 'open', `Whether or not comments are open on the ${kind}`),
  choices('Ping Status', 'pingStatus', OPEN_CLOSED, 'open', `If the a message should be send to announce the ${kind}`),
  ...(kind === 'post' ? [
    choices('Format', 'format', FORMATS, 'standard', 'The format of the post'),
    { displayName: 'Sticky', name: 'sticky', type: 'boolean', default: false, description: 'Whether or not the object should be treated as sticky' } as NodeProperty,
    terms('Category Names or IDs', 'categories', 'getCategories', 'The terms assigned to the object in the category taxonomy'),
    terms('Tag Names or IDs', 'tags', 'getTags', 'The terms assigned to the object in the post_tag taxonomy'),
    template('postTemplate'),
    { displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'The date the post was published, in the site\'s timezone' } as NodeProperty,
  ] : [
    template('pageTemplate'),
    { displayName: 'Menu Order', name: 'menuOrder', type: 'number', default: 0, description: 'The order of the page in relation to other pages' } as NodeProperty,
    { displayName: 'Featured Media ID', name: 'featuredMediaId', type: 'number', default: '', description: 'The ID of the featured media for the page' } as NodeProperty,
  ]),
];

const idField = (resource: string, name: string, label: string, operations: string[]): NodeProperty =>
  str(label, name, 'Unique identifier for the object', { required: true, displayOptions: showFor(resource, operations) });

function contentProperties(kind: 'post' | 'page'): NodeProperty[] {
  const id = kind === 'post' ? 'postId' : 'pageId';
  const label = kind === 'post' ? 'Post ID' : 'Page ID';
  const listOptions: NodeProperty[] = kind === 'post' ? [
    { displayName: 'After', name: 'after', type: 'dateTime', default: '', description: 'Limit response to posts published after a given ISO8601 compliant date' },
    author(true),
    { displayName: 'Before', name: 'before', type: 'dateTime', default: '', description: 'Limit response to posts published before a given ISO8601 compliant date' },
    terms('Category Names or IDs', 'categories', 'getCategories', 'Limit result set to all items that have the specified term assigned in the categories taxonomy'),
    CONTEXT,
    terms('Exclude Categories', 'excludedCategories', 'getCategories', 'Limit result set to all items except those that have the specified term assigned in the categories taxonomy'),
    terms('Exclude Tags', 'excludedTags', 'getTags', 'Limit result set to all items except those that have the specified term assigned in the tags taxonomy'),
    ORDER, choices('Order By', 'orderBy', POST_ORDER_BY, 'id', 'Sort collection by object attribute'),
    str('Search', 'search', 'Limit results to those matching a string'),
    choices('Status', 'status', STATUSES, 'publish', 'The status of the post'),
    { displayName: 'Sticky', name: 'sticky', type: 'boolean', default: false, description: 'Whether to limit the result set to items that are sticky' },
    terms('Tag Names or IDs', 'tags', 'getTags', 'Limit result set to all items that have the specified term assigned in the tags taxonomy'),
  ] : [
    { displayName: 'After', name: 'after', type: 'dateTime', default: '', description: 'Limit response to pages published after a given ISO8601 compliant date' },
    author(true),
    { displayName: 'Before', name: 'before', type: 'dateTime', default: '', description: 'Limit response to pages published before a given ISO8601 compliant date' },
    CONTEXT,
    { displayName: 'Menu Order', name: 'menuOrder', type: 'number', default: 0, description: 'Limit result set to items with a specific menu order value' },
    ORDER, choices('Order By', 'orderBy', POST_ORDER_BY, 'id', 'Sort collection by object attribute'),
    { displayName: 'Page', name: 'page', type: 'number', default: 1, description: 'Current page of the collection' },
    { displayName: 'Parent Page ID', name: 'parent', type: 'number', default: '', description: 'Limit result set to items with a particular parent page ID' },
    str('Search', 'search', 'Limit results to those matching a string'),
    choices('Status', 'status', STATUSES, 'publish', 'The status of the page'),
  ];
  return [
    operation(kind),
    str('Title', 'title', `The title for the ${kind}`, { required: true, displayOptions: showFor(kind, ['create']) }),
    collectionOf('Additional Fields', 'additionalFields', showFor(kind, ['create']), contentFields(kind, false)),
    idField(kind, id, label, ['update']),
    collectionOf('Update Fields', 'updateFields', showFor(kind, ['update']), contentFields(kind, true)),
    idField(kind, id, label, ['get']),
    collectionOf('Options', 'options', showFor(kind, ['get']), [
      str('Password', 'password', `The password for the ${kind} if it is password protected`), CONTEXT]),
    ...returnAllAndLimit(kind),
    collectionOf('Options', 'options', showFor(kind, ['getAll']), listOptions),
    idField(kind, id, label, ['delete']),
    collectionOf('Options', 'options', showFor(kind, ['delete']), [
      { displayName: 'Force', name: 'force', type: 'boolean', default: false, description: 'Whether to bypass trash and force deletion' }]),
  ];
}

const userDetails = (required: boolean): NodeProperty[] => [
  str('Username', 'username', 'Login name for the user'), str('Name', 'name', 'Display name for the user'),
  str('First Name', 'firstName', 'First name for the user'), str('Last Name', 'lastName', 'Last name for the user'),
  str('Email', 'email', 'The email address for the user', { placeholder: 'name@email.com' }), str('Password', 'password', 'Password for the user (never included)'),
].map((p) => (required ? { ...p, required: true, displayOptions: showFor('user', ['create']) } : p));
const userExtras: NodeProperty[] = [
  str('URL', 'url', 'URL of the user'), str('Description', 'description', 'Description of the user', { typeOptions: { alwaysOpenEditWindow: true } }),
  str('Nickname', 'nickname', 'The nickname for the user'), str('Slug', 'slug', 'An alphanumeric identifier for the user'),
];

const userProperties: NodeProperty[] = [
  operation('user'),
  ...userDetails(true),
  collectionOf('Additional Fields', 'additionalFields', showFor('user', ['create']), userExtras),
  str('User ID', 'userId', 'Unique identifier for the user', { required: true, displayOptions: showFor('user', ['update']) }),
  collectionOf('Update Fields', 'updateFields', showFor('user', ['update']), [...userDetails(false), ...userExtras]),
  str('User ID', 'userId', 'Unique identifier for the user', { required: true, displayOptions: showFor('user', ['get']) }),
  collectionOf('Options', 'options', showFor('user', ['get']), [CONTEXT]),
  ...returnAllAndLimit('user'),
  collectionOf('Options', 'options', showFor('user', ['getAll']), [
    CONTEXT,
    choices('Order By', 'orderBy', [['Email', 'email'], ['ID', 'id'], ['Include', 'include'], ['Include Slugs', 'include_slugs'], ['Name', 'name'],
      ['Registered Date', 'registered_date'], ['Slug', 'slug'], ['URL', 'url']], 'id', 'Sort collection by object attribute'),
    ORDER, str('Search', 'search', 'Limit results to those matching a string'),
    choices('Who', 'who', [['Authors', 'authors']], 'authors', 'Limit result set to users who are considered authors'),
  ]),
  str('Reassign', 'reassign', "Reassign the deleted user's posts and links to this user ID", { required: true, displayOptions: showFor('user', ['delete']) }),
];

export const wordpressProperties: NodeProperty[] = [
  { displayName: 'Authentication', name: 'authType', type: 'options', default: 'basicAuth', description: 'The authentication method to use',
    options: [opt('Basic Auth', 'basicAuth'), opt('OAuth2 (WordPress.com)', 'oAuth2')] },
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'post',
    options: [opt('Post', 'post'), opt('Page', 'page'), opt('User', 'user')] },
  ...contentProperties('post'),
  ...contentProperties('page'),
  ...userProperties,
];
