// Parameters of n8n's Gmail node V2 (typeVersions 2 and 2.1): message, label, draft and thread
// resources. 2.1 differs only in the Email Type default (HTML instead of text). "Send and Wait for
// Response" is in gmail-send-and-wait.ts.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';
import { gmailSendAndWaitProperties } from './gmail-send-and-wait.ts';

export const gmailCredentials: NodeCredentialDescription[] = [
  { name: 'googleApi', required: true, displayOptions: { show: { authentication: ['serviceAccount'] } } },
  { name: 'gmailOAuth2', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

const on = (resource: string, operation: string[], more: Record<string, unknown[]> = {}) => ({ show: { resource: [resource], operation, ...more } });
const text = (displayName: string, name: string, extra: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...extra });
const bool = (displayName: string, name: string, value: boolean, extra: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'boolean', default: value, ...extra });

const operations = (resource: string, fallback: string, list: Array<[string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback,
  displayOptions: { show: { resource: [resource] } },
  options: list.map(([name, value]) => ({ name, value })),
});

const labelIds = (resource: string, operation: string[], required = false): NodeProperty => ({
  displayName: 'Label Names or IDs', name: 'labelIds', type: 'multiOptions', default: [], ...(required ? { required: true } : {}),
  typeOptions: { loadOptionsMethod: 'getLabels' }, displayOptions: on(resource, operation),
});

const attachmentsUi: NodeProperty = {
  displayName: 'Attachments', name: 'attachmentsUi', type: 'fixedCollection', placeholder: 'Add Attachment', default: {},
  typeOptions: { multipleValues: true },
  options: [{ name: 'attachmentsBinary', displayName: 'Attachment Binary', values: [
    text('Attachment Field Name', 'property', { default: 'data', description: 'Add the field name from the input node. Multiple properties can be set separated by comma.' }),
  ] }],
};
const appendAttribution = bool('Append n8n Attribution', 'appendAttribution', true,
  { description: 'Whether to include the phrase “This email was sent automatically with Weft” (n8n’s wording names n8n) to the end of the email' });
const bccList = text('BCC', 'bccList', { placeholder: 'info@example.com' });
const ccList = text('CC', 'ccList', { placeholder: 'info@example.com' });
const senderName = text('Sender Name', 'senderName', { placeholder: 'e.g. Nathan' });
const replyToSenderOnly = bool('Reply to Sender Only', 'replyToSenderOnly', false);

const emailType = (resource: string, operation: string[]): NodeProperty[] => [
  { displayName: 'Email Type', name: 'emailType', type: 'options', default: 'text', required: true, noDataExpression: true,
    options: [{ name: 'Text', value: 'text' }, { name: 'HTML', value: 'html' }], displayOptions: on(resource, operation, { '@version': [2] }) },
  { displayName: 'Email Type', name: 'emailType', type: 'options', default: 'html', required: true, noDataExpression: true,
    options: [{ name: 'Text', value: 'text' }, { name: 'HTML', value: 'html' }],
    displayOptions: { ...on(resource, operation), hide: { '@version': [2] } } },
];

const downloadOptions = (resource: string, operation: string[], more: NodeProperty[] = []): NodeProperty => ({
  displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
  displayOptions: { ...on(resource, operation), ...(resource === 'draft' ? {} : { hide: { simple: [true] } }) },
  options: [
    text('Attachment Prefix', 'dataPropertyAttachmentsPrefixName', { default: 'attachment_' }),
    bool('Download Attachments', 'downloadAttachments', false),
    ...more,
  ],
});

const returnAll = (resource: string): NodeProperty[] => [
  bool('Return All', 'returnAll', false, { displayOptions: on(resource, ['getAll']), description: 'Whether to return all results or only up to a given limit' }),
  { displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1, maxValue: 500 },
    displayOptions: on(resource, ['getAll'], { returnAll: [false] }), description: 'Max number of results to return' },
];

const simple = (resource: string, operation: string[]) =>
  bool('Simplify', 'simple', true, { displayOptions: on(resource, operation), description: 'Whether to return a simplified version of the response instead of the raw data' });

const readStatus: NodeProperty = {
  displayName: 'Read Status', name: 'readStatus', type: 'options', default: 'unread',
  options: [{ name: 'Unread and read emails', value: 'both' }, { name: 'Unread emails only', value: 'unread' }, { name: 'Read emails only', value: 'read' }],
};
const listFilters = (resource: string, withSender: boolean): NodeProperty => ({
  displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: on(resource, ['getAll']),
  options: [
    bool('Include Spam and Trash', 'includeSpamTrash', false),
    { displayName: 'Label Names or IDs', name: 'labelIds', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getLabels' } },
    text('Search', 'q', { placeholder: 'has:attachment' }),
    readStatus,
    { displayName: 'Received After', name: 'receivedAfter', type: 'dateTime', default: '' },
    { displayName: 'Received Before', name: 'receivedBefore', type: 'dateTime', default: '' },
    ...(withSender ? [text('Sender', 'sender')] : []),
  ],
});

const messageProperties: NodeProperty[] = [
  operations('message', 'send', [['Add Label', 'addLabels'], ['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll'], ['Mark as Read', 'markAsRead'],
    ['Mark as Unread', 'markAsUnread'], ['Remove Label', 'removeLabels'], ['Reply', 'reply'], ['Send', 'send'], ['Send and Wait for Response', 'sendAndWait']]),
  text('Message ID', 'messageId', { required: true, placeholder: '172ce2c4a72cc243', displayOptions: on('message', ['get', 'delete', 'markAsRead', 'markAsUnread', 'reply', 'addLabels', 'removeLabels']) }),
  text('To', 'sendTo', { required: true, placeholder: 'info@example.com', displayOptions: on('message', ['send']) }),
  text('Subject', 'subject', { required: true, placeholder: 'Hello World!', displayOptions: on('message', ['send']) }),
  ...emailType('message', ['send', 'reply']),
  text('Message', 'message', { required: true, displayOptions: on('message', ['reply', 'send']) }),
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: on('message', ['send', 'reply']),
    options: [appendAttribution, attachmentsUi, bccList, ccList, senderName,
      text('Send Replies To', 'replyTo', { placeholder: 'reply@example.com', displayOptions: { hide: { '/operation': ['reply'] } } }),
      replyToSenderOnly] },
  simple('message', ['get']),
  downloadOptions('message', ['get']),
  ...returnAll('message'),
  simple('message', ['getAll']),
  listFilters('message', true),
  downloadOptions('message', ['getAll']),
  labelIds('message', ['addLabels', 'removeLabels'], true),
];

const labelProperties: NodeProperty[] = [
  operations('label', 'getAll', [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll']]),
  text('Label ID', 'labelId', { required: true, displayOptions: on('label', ['get', 'delete']), description: 'The ID of the label' }),
  text('Name', 'name', { required: true, placeholder: 'invoices', displayOptions: on('label', ['create']), description: 'Label Name' }),
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: on('label', ['create']),
    options: [
      { displayName: 'Label List Visibility', name: 'labelListVisibility', type: 'options', default: 'labelShow',
        options: [{ name: 'Hide', value: 'labelHide' }, { name: 'Show', value: 'labelShow' }, { name: 'Show if Unread', value: 'labelShowIfUnread' }] },
      { displayName: 'Message List Visibility', name: 'messageListVisibility', type: 'options', default: 'show',
        options: [{ name: 'Hide', value: 'hide' }, { name: 'Show', value: 'show' }] },
    ] },
  ...returnAll('label'),
];

const draftProperties: NodeProperty[] = [
  operations('draft', 'create', [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll']]),
  text('Draft ID', 'messageId', { required: true, placeholder: 'r-3254521568507167962', displayOptions: on('draft', ['delete', 'get']) }),
  text('Subject', 'subject', { required: true, placeholder: 'Hello World!', displayOptions: on('draft', ['create']) }),
  ...emailType('draft', ['create']),
  text('Message', 'message', { required: true, displayOptions: on('draft', ['create']) }),
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: on('draft', ['create']),
    options: [
      attachmentsUi, bccList, ccList,
      { displayName: 'From Alias Name or ID', name: 'fromAlias', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getGmailAliases' } },
      text('Send Replies To', 'replyTo', { placeholder: 'reply@example.com' }),
      text('Thread ID', 'threadId', { placeholder: '18cc573e2431878f' }),
      text('To Email', 'sendTo', { placeholder: 'info@example.com' }),
    ] },
  downloadOptions('draft', ['get']),
  ...returnAll('draft'),
  downloadOptions('draft', ['getAll'], [bool('Include Spam and Trash', 'includeSpamTrash', false)]),
];

const threadProperties: NodeProperty[] = [
  operations('thread', 'getAll', [['Add Label', 'addLabels'], ['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll'], ['Remove Label', 'removeLabels'],
    ['Reply', 'reply'], ['Trash', 'trash'], ['Untrash', 'untrash']]),
  text('Thread ID', 'threadId', { required: true, placeholder: '172ce2c4a72cc243',
    displayOptions: on('thread', ['get', 'delete', 'reply', 'trash', 'untrash', 'addLabels', 'removeLabels']) }),
  { displayName: 'Message Snippet or ID', name: 'messageId', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getThreadMessages', loadOptionsDependsOn: ['threadId'] },
    displayOptions: on('thread', ['reply']) },
  ...emailType('thread', ['reply']),
  text('Message', 'message', { required: true, displayOptions: on('thread', ['reply']) }),
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: on('thread', ['reply']),
    options: [appendAttribution, attachmentsUi, bccList, ccList, senderName, replyToSenderOnly] },
  simple('thread', ['get']),
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: on('thread', ['get']),
    options: [bool('Return Only Messages', 'returnOnlyMessages', true)] },
  ...returnAll('thread'),
  listFilters('thread', false),
  labelIds('thread', ['addLabels', 'removeLabels'], true),
];

export const gmailV2Properties: NodeProperty[] = [
  { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'oAuth2',
    options: [{ name: 'OAuth2 (recommended)', value: 'oAuth2' }, { name: 'Service Account', value: 'serviceAccount' }] },
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'message',
    options: [{ name: 'Message', value: 'message' }, { name: 'Label', value: 'label' }, { name: 'Draft', value: 'draft' }, { name: 'Thread', value: 'thread' }] },
  ...draftProperties,
  ...labelProperties,
  ...messageProperties,
  ...gmailSendAndWaitProperties,
  ...threadProperties,
];
