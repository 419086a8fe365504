// Parameters of n8n's Reddit node (v1): resources post, postComment, profile, subreddit and user, with
// n8n's names, defaults and display rules.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const redditCredentials: NodeCredentialDescription[] = [
  { name: 'redditOAuth2Api', required: true, displayOptions: { show: { resource: ['postComment', 'post', 'profile'] } } },
];

type Show = Record<string, unknown[]>;
const on = (resource: string, operation: string[], more: Show = {}) => ({ show: { resource: [resource], operation, ...more } });
const text = (displayName: string, name: string, show: NodeProperty['displayOptions'], more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'string', required: true, default: '', displayOptions: show, ...more });
const returnAll = (show: NodeProperty['displayOptions']): NodeProperty =>
  ({ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', displayOptions: show });
const limit = (show: { show: Show }): NodeProperty => ({
  displayName: 'Limit', name: 'limit', type: 'number', default: 100, description: 'Max number of results to return',
  typeOptions: { minValue: 1, maxValue: 100 }, displayOptions: { show: { ...show.show, returnAll: [false] } },
});
const operation = (resource: string, fallback: string, options: Array<[string, string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback,
  displayOptions: { show: { resource: [resource] } },
  options: options.map(([name, value, action]) => ({ name, value, action })),
});

const post: NodeProperty[] = [
  operation('post', 'create', [['Create', 'create', 'Create a post'], ['Delete', 'delete', 'Delete a post'], ['Get', 'get', 'Get a post'],
    ['Get Many', 'getAll', 'Get many posts'], ['Search', 'search', 'Search for a post']]),
  text('Subreddit', 'subreddit', on('post', ['create']), { description: 'Subreddit to create the post in' }),
  { displayName: 'Kind', name: 'kind', type: 'options', default: 'self', description: 'The kind of the post to create', displayOptions: on('post', ['create']),
    options: [{ name: 'Text Post', value: 'self' }, { name: 'Link Post', value: 'link' }, { name: 'Image Post', value: 'image' }] },
  text('Title', 'title', on('post', ['create']), { description: 'Title of the post, up to 300 characters long' }),
  text('URL', 'url', on('post', ['create'], { kind: ['link', 'image'] }), { description: 'URL of the post' }),
  text('Text', 'text', on('post', ['create'], { kind: ['self'] }), { description: 'Text of the post. Markdown supported.' }),
  { displayName: 'Resubmit', name: 'resubmit', type: 'boolean', default: false, displayOptions: on('post', ['create'], { kind: ['link', 'image'] }),
    description: 'Whether the URL will be posted even if it was already posted to the subreddit before' },
  text('Post ID', 'postId', on('post', ['delete']), { placeholder: 'gla7fmt', description: 'ID of the post to delete' }),
  text('Subreddit', 'subreddit', on('post', ['get']), { description: 'The name of subreddit to retrieve the post from' }),
  text('Post ID', 'postId', on('post', ['get']), { placeholder: 'l0me7x', description: 'ID of the post to retrieve' }),
  text('Subreddit', 'subreddit', on('post', ['getAll']), { description: 'The name of subreddit to retrieve the posts from' }),
  returnAll(on('post', ['getAll'])),
  limit(on('post', ['getAll'])),
  { displayName: 'Filters', name: 'filters', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: on('post', ['getAll']),
    options: [{ displayName: 'Category', name: 'category', type: 'options', default: 'top', description: 'Category of the posts to retrieve',
      options: [{ name: 'Top Posts', value: 'top' }, { name: 'Hot Posts', value: 'hot' }, { name: 'New Posts', value: 'new' }, { name: 'Rising Posts', value: 'rising' }] }] },
  { displayName: 'Location', name: 'location', type: 'options', default: 'subreddit', description: 'Location where to search for posts', displayOptions: on('post', ['search']),
    options: [{ name: 'All Reddit', value: 'allReddit' }, { name: 'Subreddit', value: 'subreddit' }] },
  text('Subreddit', 'subreddit', on('post', ['search'], { location: ['subreddit'] }), { description: 'The name of subreddit to search in' }),
  text('Keyword', 'keyword', on('post', ['search']), { description: 'The keyword for the search' }),
  returnAll(on('post', ['search'])),
  limit(on('post', ['search'])),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: on('post', ['search']),
    options: [{ displayName: 'Sort', name: 'sort', type: 'options', default: 'relevance', description: 'The category to sort results by',
      options: ['comments', 'hot', 'new', 'relevance', 'top'].map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })) }] },
];

const postComment: NodeProperty[] = [
  operation('postComment', 'create', [['Create', 'create', 'Create a comment in a post'], ['Get Many', 'getAll', 'Get many comments in a post'],
    ['Delete', 'delete', 'Delete a comment from a post'], ['Reply', 'reply', 'Reply to a comment in a post']]),
  text('Post ID', 'postId', on('postComment', ['create']), { placeholder: 'l0me7x', description: 'ID of the post to write the comment to' }),
  text('Comment Text', 'commentText', on('postComment', ['create']), { description: 'Text of the comment. Markdown supported.' }),
  text('Subreddit', 'subreddit', on('postComment', ['getAll']), { description: 'The name of subreddit where the post is' }),
  text('Post ID', 'postId', on('postComment', ['getAll']), { placeholder: 'l0me7x', description: 'ID of the post to get all comments from' }),
  returnAll(on('postComment', ['getAll'])),
  limit(on('postComment', ['getAll'])),
  text('Comment ID', 'commentId', on('postComment', ['delete']), { placeholder: 'gla7fmt', description: 'ID of the comment to remove' }),
  text('Comment ID', 'commentId', on('postComment', ['reply']), { placeholder: 'gl9iroa', description: 'ID of the comment to reply to' }),
  text('Reply Text', 'replyText', on('postComment', ['reply']), { description: 'Text of the reply. Markdown supported.' }),
];

const profile: NodeProperty[] = [
  operation('profile', 'get', [['Get', 'get', 'Get a profile']]),
  { displayName: 'Details', name: 'details', type: 'options', required: true, default: 'identity', description: 'Details of my account to retrieve', displayOptions: on('profile', ['get']),
    options: [['Blocked Users', 'blockedUsers'], ['Friends', 'friends'], ['Identity', 'identity'], ['Karma', 'karma'], ['Preferences', 'prefs'], ['Saved', 'saved'], ['Trophies', 'trophies']]
      .map(([name, value]) => ({ name, value })) },
  returnAll(on('profile', ['get'], { details: ['saved'] })),
  limit(on('profile', ['get'], { details: ['saved'] })),
];

const subreddit: NodeProperty[] = [
  operation('subreddit', 'get', [['Get', 'get', 'Get a subreddit'], ['Get Many', 'getAll', 'Get many subreddits']]),
  { displayName: 'Content', name: 'content', type: 'options', required: true, default: 'about', description: 'Subreddit content to retrieve', displayOptions: on('subreddit', ['get']),
    options: [{ name: 'About', value: 'about' }, { name: 'Rules', value: 'rules' }] },
  text('Subreddit', 'subreddit', on('subreddit', ['get']), { description: 'The name of subreddit to retrieve the content from' }),
  returnAll(on('subreddit', ['getAll'])),
  limit(on('subreddit', ['getAll'])),
  { displayName: 'Filters', name: 'filters', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: on('subreddit', ['getAll']),
    options: [
      { displayName: 'Keyword', name: 'keyword', type: 'string', default: '', description: 'The keyword for the subreddit search' },
      { displayName: 'Trending', name: 'trending', type: 'boolean', default: false, description: 'Whether to fetch currently trending subreddits in all of Reddit' },
    ] },
];

const user: NodeProperty[] = [
  operation('user', 'get', [['Get', 'get', 'Get a user']]),
  text('Username', 'username', on('user', ['get']), { description: 'Reddit ID of the user to retrieve' }),
  { displayName: 'Details', name: 'details', type: 'options', required: true, default: 'about', description: 'Details of the user to retrieve', displayOptions: on('user', ['get']),
    options: [['About', 'about'], ['Comments', 'comments'], ['Gilded', 'gilded'], ['Overview', 'overview'], ['Submitted', 'submitted']].map(([name, value]) => ({ name, value })) },
  returnAll(on('user', ['get'], { details: ['overview', 'submitted', 'comments', 'gilded'] })),
  limit(on('user', ['get'], { details: ['comments', 'gilded', 'overview', 'submitted'] })),
];

export const redditProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'post',
    options: [{ name: 'Post', value: 'post' }, { name: 'Post Comment', value: 'postComment' }, { name: 'Profile', value: 'profile' },
      { name: 'Subreddit', value: 'subreddit' }, { name: 'User', value: 'user' }] },
  ...postComment, ...profile, ...subreddit, ...post, ...user,
];
