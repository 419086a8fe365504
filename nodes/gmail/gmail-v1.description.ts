// Parameters of n8n's Gmail node V1 (typeVersion 1): draft, label, message and message-label
// resources, recipients as lists, `additionalFields.format` choosing how messages are returned.
import type { NodeProperty } from '../../engine/index.ts';

const on = (resource: string, operation: string[], more: Record<string, unknown[]> = {}) => ({ show: { resource: [resource], operation, ...more } });
const text = (displayName: string, name: string, extra: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...extra });
const operations = (resource: string, fallback: string, list: Array<[string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback,
  displayOptions: { show: { resource: [resource] } }, options: list.map(([name, value]) => ({ name, value })),
});
const emailList = (displayName: string, name: string, extra: Partial<NodeProperty> = {}): NodeProperty => ({
  displayName, name, type: 'string', default: [], typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Email' }, placeholder: 'info@example.com', ...extra,
});
const attachmentsUi: NodeProperty = {
  displayName: 'Attachments', name: 'attachmentsUi', type: 'fixedCollection', placeholder: 'Add Attachments', default: {}, typeOptions: { multipleValues: true },
  options: [{ name: 'attachmentsBinary', displayName: 'Attachments Binary', values: [text('Attachment Field Name (in Input)', 'property')] }],
};
const format = (fallback: string): NodeProperty => ({
  displayName: 'Format', name: 'format', type: 'options', default: fallback,
  options: ['full', 'ids', 'metadata', 'minimal', 'raw', 'resolved'].map((value) => ({ name: value.charAt(0).toUpperCase() + value.slice(1), value })),
});
const prefix = text('Attachment Prefix', 'dataPropertyAttachmentsPrefixName', { default: 'attachment_' });
const body = (resource: string, operation: string[]): NodeProperty[] => [
  text('Message', 'message', { required: true, displayOptions: on(resource, operation) }),
  { displayName: 'Include HTML', name: 'includeHtml', type: 'boolean', default: false, displayOptions: on(resource, operation) },
  text('HTML Message', 'htmlMessage', { required: true, displayOptions: on(resource, operation, { includeHtml: [true] }) }),
];
const limit = (resource: string): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: on(resource, ['getAll']) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 10, typeOptions: { minValue: 1, maxValue: 500 }, displayOptions: on(resource, ['getAll'], { returnAll: [false] }) },
];
const labelIds = (resource: string, operation: string[]): NodeProperty => ({
  displayName: 'Label Names or IDs', name: 'labelIds', type: 'multiOptions', default: [], required: true, typeOptions: { loadOptionsMethod: 'getLabels' }, displayOptions: on(resource, operation),
});

export const gmailV1Properties: NodeProperty[] = [
  { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'oAuth2',
    options: [{ name: 'Service Account', value: 'serviceAccount' }, { name: 'OAuth2', value: 'oAuth2' }] },
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'draft',
    options: [{ name: 'Draft', value: 'draft' }, { name: 'Label', value: 'label' }, { name: 'Message', value: 'message' }, { name: 'Message Label', value: 'messageLabel' }] },
  // draft
  operations('draft', 'create', [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll']]),
  text('Draft ID', 'messageId', { required: true, displayOptions: on('draft', ['delete', 'get']) }),
  text('Subject', 'subject', { required: true, displayOptions: on('draft', ['create']) }),
  ...body('draft', ['create']),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('draft', ['create']),
    options: [attachmentsUi, emailList('BCC Email', 'bccList'), emailList('CC Email', 'ccList'), emailList('To Email', 'toList')] },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('draft', ['get']),
    options: [prefix, format('resolved')] },
  ...limit('draft'),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('draft', ['getAll']),
    options: [prefix, format('resolved'), { displayName: 'Include Spam Trash', name: 'includeSpamTrash', type: 'boolean', default: false }] },
  // label
  operations('label', 'create', [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll']]),
  text('Label ID', 'labelId', { required: true, displayOptions: on('label', ['get', 'delete']) }),
  text('Name', 'name', { required: true, displayOptions: on('label', ['create']) }),
  { displayName: 'Label List Visibility', name: 'labelListVisibility', type: 'options', default: 'labelShow', required: true, displayOptions: on('label', ['create']),
    options: [{ name: 'Hide', value: 'labelHide' }, { name: 'Show', value: 'labelShow' }, { name: 'Show If Unread', value: 'labelShowIfUnread' }] },
  { displayName: 'Message List Visibility', name: 'messageListVisibility', type: 'options', default: 'show', required: true, displayOptions: on('label', ['create']),
    options: [{ name: 'Hide', value: 'hide' }, { name: 'Show', value: 'show' }] },
  ...limit('label'),
  // message
  operations('message', 'send', [['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll'], ['Reply', 'reply'], ['Send', 'send']]),
  text('Thread ID', 'threadId', { required: true, displayOptions: on('message', ['reply']) }),
  text('Message ID', 'messageId', { required: true, displayOptions: on('message', ['get', 'delete', 'reply']) }),
  text('Subject', 'subject', { required: true, displayOptions: on('message', ['send']) }),
  ...body('message', ['reply', 'send']),
  emailList('To Email', 'toList', { required: true, displayOptions: on('message', ['reply', 'send']) }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('message', ['send', 'reply']),
    options: [attachmentsUi, emailList('BCC Email', 'bccList'), emailList('CC Email', 'ccList'), text('Sender Name', 'senderName')] },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('message', ['get']),
    options: [prefix, format('resolved')] },
  ...limit('message'),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('message', ['getAll']),
    options: [prefix, format('resolved'), { displayName: 'Include Spam Trash', name: 'includeSpamTrash', type: 'boolean', default: false },
      { displayName: 'Label Names or IDs', name: 'labelIds', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getLabels' } },
      text('Query', 'q', { placeholder: 'has:attachment' })] },
  // messageLabel
  operations('messageLabel', 'add', [['Add', 'add'], ['Remove', 'remove']]),
  text('Message ID', 'messageId', { required: true, displayOptions: on('messageLabel', ['add', 'remove']) }),
  labelIds('messageLabel', ['add', 'remove']),
];
