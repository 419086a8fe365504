// Parameters of n8n's X node v2 (API v2): tweet create/delete/like/retweet/search, direct message
// create, list add, user search, with n8n's names, defaults, resource locators and display rules.
import type { DisplayOptions, NodeProperty } from '../../engine/index.ts';

const on = (resource: string, operation: string[]): DisplayOptions => ({ show: { resource: [resource], operation } });
const tweetLocator = (displayName: string, name: string, description: string, displayOptions?: DisplayOptions): NodeProperty => ({
  displayName, name, type: 'resourceLocator', default: { mode: 'id', value: '' }, description, ...(displayOptions ? { displayOptions, required: true } : {}),
  modes: [
    { displayName: 'By URL', name: 'url', type: 'string', placeholder: 'e.g. https://x.com/n8n_io/status/1734167222301085960' },
    { displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 1187836157394112513' },
  ],
} as NodeProperty);
const userLocator = (description: string, displayOptions: DisplayOptions): NodeProperty => ({
  displayName: 'User', name: 'user', type: 'resourceLocator', default: { mode: 'username', value: '' }, required: true, description, displayOptions,
  modes: [
    { displayName: 'By Username', name: 'username', type: 'string', placeholder: 'e.g. n8n' },
    { displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 1068479892537384960' },
  ],
} as NodeProperty);

export const twitterV2Properties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'tweet', options: [
    { name: 'Direct Message', value: 'directMessage', description: 'Send a direct message to a user' },
    { name: 'List', value: 'list', description: 'Add a user to a list' },
    { name: 'Tweet', value: 'tweet', description: 'Create, like, search, or delete a tweet' },
    { name: 'User', value: 'user', description: 'Search users by username' },
  ] },
  // direct message
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'create', displayOptions: { show: { resource: ['directMessage'] } },
    options: [{ name: 'Create', value: 'create', description: 'Send a direct message to a user' }] },
  userLocator('The user you want to send the message to', on('directMessage', ['create'])),
  { displayName: 'Text', name: 'text', type: 'string', required: true, default: '', typeOptions: { rows: 2 },
    description: 'The text of the direct message. URL encoding is required. Max length of 10,000 characters.', displayOptions: on('directMessage', ['create']) },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('directMessage', ['create']),
    options: [{ displayName: 'Attachment ID', name: 'attachments', type: 'string', default: '', placeholder: '1664279886239010824', description: 'The attachment ID to associate with the message' }] },
  // list
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'add', displayOptions: { show: { resource: ['list'] } },
    options: [{ name: 'Add Member', value: 'add', description: 'Add a member to a list' }] },
  { displayName: 'List', name: 'list', type: 'resourceLocator', default: { mode: 'id', value: '' }, required: true, description: 'The list you want to add the user to',
    displayOptions: on('list', ['add']),
    modes: [
      { displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 99923132' },
      { displayName: 'By URL', name: 'url', type: 'string', placeholder: 'e.g. https://x.com/i/lists/99923132' },
    ] } as NodeProperty,
  userLocator('The user you want to add to the list', on('list', ['add'])),
  // tweet
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'create', displayOptions: { show: { resource: ['tweet'] } }, options: [
    { name: 'Create', value: 'create', description: 'Create, quote, or reply to a tweet' },
    { name: 'Delete', value: 'delete', description: 'Delete a tweet' },
    { name: 'Like', value: 'like', description: 'Like a tweet' },
    { name: 'Retweet', value: 'retweet', description: 'Retweet a tweet' },
    { name: 'Search', value: 'search', description: 'Search for tweets from the last seven days' },
  ] },
  { displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 2 }, default: '', required: true,
    description: 'The text of the status update. URLs must be encoded. Links wrapped with the t.co shortener will affect character count', displayOptions: on('tweet', ['create']) },
  { displayName: 'Options', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('tweet', ['create']), options: [
    { displayName: 'Location ID', name: 'location', type: 'string', placeholder: '4e696bef7e24d378', default: '', description: 'Location information for the tweet' },
    { displayName: 'Media ID', name: 'attachments', type: 'string', default: '', placeholder: '1664279886239010824', description: 'The attachment ID to associate with the message' },
    tweetLocator('Quote a Tweet', 'inQuoteToStatusId', 'The tweet being quoted'),
    tweetLocator('Reply to Tweet', 'inReplyToStatusId', 'The tweet being replied to'),
  ] },
  tweetLocator('Tweet', 'tweetDeleteId', 'The tweet to delete', on('tweet', ['delete'])),
  tweetLocator('Tweet', 'tweetId', 'The tweet to like', on('tweet', ['like'])),
  { displayName: 'Search Term', name: 'searchText', type: 'string', required: true, default: '', placeholder: 'e.g. automation',
    description: 'A one-to-512-character search query', displayOptions: on('tweet', ['search']) },
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', displayOptions: on('tweet', ['search']) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1 }, description: 'Max number of results to return',
    displayOptions: { show: { resource: ['tweet'], operation: ['search'], returnAll: [false] } } },
  { displayName: 'Options', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('tweet', ['search']), options: [
    { displayName: 'Sort Order', name: 'sortOrder', type: 'options', default: 'relevancy', description: 'The order in which to return results',
      options: [{ name: 'Recent', value: 'recency' }, { name: 'Relevant', value: 'relevancy' }] },
    { displayName: 'After', name: 'startTime', type: 'dateTime', default: '', description: 'Tweets before this date will not be returned. This date must be within the last 7 days if you are not using Academic Research access.' },
    { displayName: 'Before', name: 'endTime', type: 'dateTime', default: '', description: 'Tweets after this date will not be returned. This date must be within the last 7 days if you are not using Academic Research access.' },
    { displayName: 'Tweet Fields', name: 'tweetFieldsObject', type: 'multiOptions', default: [], description: 'The fields to add to each returned tweet object. Default fields are: ID, text, edit_history_tweet_ids.',
      options: ['attachments', 'author_id', 'context_annotations', 'conversation_id', 'created_at', 'edit_controls', 'entities', 'geo', 'id', 'in_reply_to_user_id', 'lang',
        'non_public_metrics', 'organic_metrics', 'possibly_sensitive', 'promoted_metrics', 'public_metrics', 'referenced_tweets', 'reply_settings', 'source', 'text', 'withheld']
        .map((value) => ({ name: value.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()), value })) },
  ] },
  tweetLocator('Tweet', 'tweetId', 'The tweet to retweet', on('tweet', ['retweet'])),
  // user
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'searchUser', displayOptions: { show: { resource: ['user'] } },
    options: [{ name: 'Get', value: 'searchUser', description: 'Retrieve a user by username' }] },
  { ...userLocator('The user you want to search', { show: { resource: ['user'], operation: ['searchUser'], me: [false] } }) },
  { displayName: 'Me', name: 'me', type: 'boolean', default: false, description: 'Whether you want to search the authenticated user', displayOptions: on('user', ['searchUser']) },
];
