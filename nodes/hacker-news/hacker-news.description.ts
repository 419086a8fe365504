// Parameters of n8n's Hacker News node (v1): the all/article/user resources, names and defaults as n8n's.
import type { NodeProperty } from '../../engine/index.ts';

const showFor = (resource: string, operation: string, more: Record<string, unknown[]> = {}) =>
  ({ show: { resource: [resource], operation: [operation], ...more } });

const operation = (resource: string, value: string, name: string, description: string): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: value,
  displayOptions: { show: { resource: [resource] } }, options: [{ name, value, description }],
});

const TAGS = [
  ['Ask HN', 'ask_hn'], ['Comment', 'comment'], ['Front Page', 'front_page'], ['Poll', 'poll'], ['Show HN', 'show_hn'], ['Story', 'story'],
].map(([name, value]) => ({ name, value, description: `Returns query results filtered by ${name} tag` }));

export const hackerNewsProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'article',
    options: [{ name: 'All', value: 'all' }, { name: 'Article', value: 'article' }, { name: 'User', value: 'user' }] },
  operation('all', 'getAll', 'Get Many', 'Get many items'),
  operation('article', 'get', 'Get', 'Get a Hacker News article'),
  operation('user', 'get', 'Get', 'Get a Hacker News user'),
  { displayName: 'Article ID', name: 'articleId', type: 'string', required: true, default: '',
    description: 'The ID of the Hacker News article to be returned', displayOptions: showFor('article', 'get') },
  { displayName: 'Username', name: 'username', type: 'string', required: true, default: '',
    description: 'The Hacker News user to be returned', displayOptions: showFor('user', 'get') },
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false,
    description: 'Whether to return all results or only up to a given limit', displayOptions: showFor('all', 'getAll') },
  { displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1 }, default: 100,
    description: 'Max number of results to return', displayOptions: showFor('all', 'getAll', { returnAll: [false] }) },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {},
    displayOptions: showFor('article', 'get'),
    options: [{ displayName: 'Include Comments', name: 'includeComments', type: 'boolean', default: false,
      description: 'Whether to include all the comments in a Hacker News article' }] },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {},
    displayOptions: showFor('all', 'getAll'),
    options: [
      { displayName: 'Keyword', name: 'keyword', type: 'string', default: '', description: 'The keyword for filtering the results of the query' },
      { displayName: 'Tags', name: 'tags', type: 'multiOptions', options: TAGS, default: [], description: 'Tags for filtering the results of the query' },
    ] },
];
