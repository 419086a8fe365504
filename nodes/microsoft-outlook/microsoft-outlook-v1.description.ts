// Parameters of n8n's legacy Microsoft Outlook node v1: drafts, folders, folder messages, messages
// and message attachments, addressed by plain ID strings (v1 has no resource locators). Names,
// types and defaults follow n8n's v1 so that exported v1 workflows keep their meaning.
import type { DisplayOptions, NodeProperty } from '../../engine/index.ts';

const show = (resource: string | string[], operation: string[], more: Record<string, unknown[]> = {}): DisplayOptions =>
  ({ show: { resource: Array.isArray(resource) ? resource : [resource], operation, ...more } });
const str = (displayName: string, name: string, more: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...more });
const bool = (displayName: string, name: string, fallback: boolean, more: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'boolean', default: fallback, ...more });
const ops = (resource: string, fallback: string, list: Array<[string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback, displayOptions: { show: { resource: [resource] } },
  options: list.map(([name, value]) => ({ name, value })),
});
const pick = (displayName: string, name: string, fallback: string, values: Array<[string, string]>): NodeProperty =>
  ({ displayName, name, type: 'options', default: fallback, options: values.map(([label, value]) => ({ name: label, value })) });
const pages = (resource: string, operations: string[]): NodeProperty[] => [
  bool('Return All', 'returnAll', false, { displayOptions: show(resource, operations), description: 'Whether to return all results or only up to a given limit' }),
  { displayName: 'Limit', name: 'limit', type: 'number', default: 100, typeOptions: { minValue: 1, maxValue: 500 },
    displayOptions: show(resource, operations, { returnAll: [false] }), description: 'Max number of results to return' },
];
const fieldsAndFilter: NodeProperty[] = [
  str('Fields', 'fields', { description: 'Fields the response will contain, comma separated ($select)' }),
  str('Filter', 'filter', { placeholder: 'isRead eq false', description: 'Microsoft Graph OData $filter query' }),
];

const attachments: NodeProperty = {
  displayName: 'Attachments', name: 'attachments', type: 'fixedCollection', default: {}, placeholder: 'Add Attachment', typeOptions: { multipleValues: true },
  options: [{ name: 'attachments', displayName: 'Attachment', values: [str('Binary Property Name', 'binaryPropertyName', { description: 'Input binary field to attach' })] }],
};
const headers: NodeProperty = {
  displayName: 'Custom Headers', name: 'internetMessageHeaders', type: 'fixedCollection', default: {}, placeholder: 'Add Header', typeOptions: { multipleValues: true },
  options: [{ name: 'headers', displayName: 'Header', values: [str('Name', 'name'), str('Value', 'value')] }],
};
const categories: NodeProperty = { displayName: 'Category Names or IDs', name: 'categories', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getCategories' } };
const importance = pick('Importance', 'importance', 'Low', [['Low', 'Low'], ['Normal', 'Normal'], ['High', 'High']]);
/** v1 spells the HTML body type 'html' in create/send/reply but 'HTML' in update; Graph accepts both. */
const bodyType = (html: string) => pick('Body Content Type', 'bodyContentType', html, [['HTML', html], ['Text', 'Text']]);
const addresses = [str('BCC Recipients', 'bccRecipients'), str('CC Recipients', 'ccRecipients')];
const sender = str('From', 'from', { description: 'The mailbox owner the message is sent from' });
const receipt = bool('Read Receipt Requested', 'isReadReceiptRequested', false);
const to = str('Recipients', 'toRecipients', { description: 'Email addresses, comma separated' });
const replyTo = str('Reply To', 'replyTo');
const subject = str('Subject', 'subject');

const draft: NodeProperty[] = [
  ops('draft', 'create', [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get'], ['Send', 'send'], ['Update', 'update']]),
  str('Message ID', 'messageId', { required: true, displayOptions: show('draft', ['delete', 'get', 'send', 'update']) }),
  str('Subject', 'subject', { displayOptions: show('draft', ['create']) }),
  str('Body Content', 'bodyContent', { displayOptions: show('draft', ['create']) }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: show('draft', ['create']),
    options: [attachments, addresses[0], bodyType('html'), categories, addresses[1], headers, sender, importance, receipt, to, replyTo] },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: show('draft', ['send']),
    options: [str('Recipients', 'recipients', { description: 'Email addresses, comma separated' })] },
];

const message: NodeProperty[] = [
  ops('message', 'send', [['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll'], ['Get MIME Content', 'getMime'], ['Move', 'move'], ['Reply', 'reply'], ['Send', 'send'], ['Update', 'update']]),
  str('Message ID', 'messageId', { required: true, displayOptions: show('message', ['addAttachment', 'delete', 'get', 'getAttachment', 'getMime', 'move', 'update', 'reply']) }),
  { ...pick('Reply Type', 'replyType', 'reply', [['Reply', 'reply'], ['Reply All', 'replyAll']]), required: true, displayOptions: show('message', ['reply']) },
  str('Comment', 'comment', { displayOptions: show('message', ['reply']) }),
  bool('Send', 'send', true, { displayOptions: show('message', ['reply']), description: 'Whether to send the reply now; otherwise it stays a draft' }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: show('message', ['reply'], { replyType: ['reply'] }),
    options: [attachments, addresses[0], str('Body Content', 'bodyContent'), bodyType('html'), addresses[1], headers, sender, importance, receipt, to, replyTo, subject] },
  ...pages('message', ['getAll']),
  str('Subject', 'subject', { displayOptions: show('message', ['create', 'send']) }),
  str('Body Content', 'bodyContent', { displayOptions: show('message', ['create', 'send']) }),
  str('Recipients', 'toRecipients', { required: true, displayOptions: show('message', ['send']), description: 'Email addresses, comma separated' }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: show('message', ['send']),
    options: [attachments, addresses[0], bodyType('html'), categories, addresses[1], headers, sender, importance, receipt, to, replyTo,
      bool('Save To Sent Items', 'saveToSentItems', true)] },
  str('Put Output File in Field', 'binaryPropertyName', { default: 'data', required: true, displayOptions: show('message', ['getMime']) }),
  str('Folder ID', 'folderId', { required: true, displayOptions: show('message', ['move']), description: 'Target folder ID' }),
];

const messageAttachment: NodeProperty[] = [
  ops('messageAttachment', 'add', [['Add', 'add'], ['Download', 'download'], ['Get', 'get'], ['Get Many', 'getAll']]),
  str('Message ID', 'messageId', { required: true, displayOptions: show('messageAttachment', ['add', 'download', 'get', 'getAll']) }),
  str('Attachment ID', 'attachmentId', { required: true, displayOptions: show('messageAttachment', ['download', 'get']) }),
  ...pages('messageAttachment', ['getAll']),
  str('Put Output File in Field', 'binaryPropertyName', { default: 'data', required: true, displayOptions: show('messageAttachment', ['add', 'download']) }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: show('messageAttachment', ['add']),
    options: [str('File Name', 'fileName', { description: 'Defaults to the binary data\'s file name' })] },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: show('messageAttachment', ['get', 'getAll']),
    options: fieldsAndFilter },
];

const folder: NodeProperty[] = [
  ops('folder', 'create', [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get'], ['Get Children', 'getChildren'], ['Get Many', 'getAll']]),
  str('Folder ID', 'folderId', { required: true, displayOptions: show('folder', ['delete', 'get', 'getChildren', 'update']) }),
  ...pages('folder', ['getAll', 'getChildren']),
  { ...pick('Type', 'folderType', 'folder', [['Folder', 'folder'], ['Search Folder', 'searchFolder']]), displayOptions: show('folder', ['create']) },
  str('Display Name', 'displayName', { required: true, displayOptions: show('folder', ['create']) }),
  bool('Include Nested Folders', 'includeNestedFolders', false, { displayOptions: show('folder', ['create'], { folderType: ['searchFolder'] }) }),
  str('Source Folder IDs', 'sourceFolderIds', { default: [], typeOptions: { multipleValues: true }, displayOptions: show('folder', ['create'], { folderType: ['searchFolder'] }) }),
  str('Filter Query', 'filterQuery', { required: true, displayOptions: show('folder', ['create'], { folderType: ['searchFolder'] }) }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: show('folder', ['get', 'getAll', 'getChildren']),
    options: fieldsAndFilter },
  // n8n's v1 lists no Update operation, yet shows these fields for it and runs it: kept for workflows that set it.
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', default: {}, displayOptions: show('folder', ['update']),
    options: [str('Display Name', 'displayName'), str('Filter Query', 'filterQuery'), bool('Include Nested Folders', 'includeNestedFolders', false),
      str('Source Folder IDs', 'sourceFolderIds', { default: [], typeOptions: { multipleValues: true } })] },
];

const folderMessage: NodeProperty[] = [
  ops('folderMessage', 'getAll', [['Get Many', 'getAll']]),
  str('Folder ID', 'folderId', { required: true, displayOptions: show('folderMessage', ['getAll']) }),
  ...pages('folderMessage', ['getAll']),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: show('folderMessage', ['getAll']),
    options: fieldsAndFilter },
];

/** Shared by drafts and messages: get/getAll options and the update fields. */
const draftOrMessage: NodeProperty[] = [
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: show(['draft', 'message'], ['get', 'getAll']),
    options: [str('Attachments Prefix', 'dataPropertyAttachmentsPrefixName', { default: 'attachment_', description: 'Binary field name prefix for downloaded attachments; an index from 0 is added' }),
      ...fieldsAndFilter] },
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: show(['draft', 'message'], ['update']),
    options: [addresses[0], str('Body Content', 'bodyContent'), bodyType('HTML'), categories, addresses[1], headers, sender, importance,
      bool('Is Read', 'isRead', false), receipt, to, replyTo, subject] },
];

export const outlookV1Properties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'message',
    options: [['Draft', 'draft'], ['Folder', 'folder'], ['Folder Message', 'folderMessage'], ['Message', 'message'], ['Message Attachment', 'messageAttachment']].map(([name, value]) => ({ name, value })) },
  ...draft, ...message, ...messageAttachment, ...folder, ...folderMessage, ...draftOrMessage,
];
