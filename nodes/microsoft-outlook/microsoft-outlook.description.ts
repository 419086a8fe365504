// Parameters of n8n's Microsoft Outlook node v2 for the resources implemented here: messages,
// drafts, folders, events, contacts and message attachments, with resource locators (a list
// searched in the mailbox, or an ID).
import type { DisplayOptions, NodeProperty } from '../../engine/index.ts';
import { outlookSendAndWaitProperties } from './microsoft-outlook-send-and-wait.ts';

const show = (resource: string, operation: string[], more: Record<string, unknown[]> = {}): DisplayOptions => ({ show: { resource: [resource], operation, ...more } });
const str = (displayName: string, name: string, more: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...more });
const ops = (resource: string, fallback: string, list: Array<[string, string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback, displayOptions: { show: { resource: [resource] } },
  options: list.map(([name, value, description]) => ({ name, value, description })),
});
const locator = (displayName: string, name: string, method: string, displayOptions: DisplayOptions, required = true): NodeProperty => ({
  displayName, name, type: 'resourceLocator', default: { mode: 'list', value: '' }, required, displayOptions,
  modes: [
    { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: method, searchable: true } },
    { displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. AAAkADlhOTA0MTc5LWUwOTMtNDRkZS05NzE0LTNlYmI0ZWM5OWI5OABGAAAAAABPLqzvT6b9RLP0CKzHiJrRBwBgs0NT6NHbTZ7ZIGCS4kCwAAAAAAEMAABgs0NT6NHbTZ7ZIGCS4kCwAAAl8iHSAAA=' },
  ],
});
const returnAll = (resource: string, operation: string, limit = 50): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: show(resource, [operation]),
    description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', default: limit, typeOptions: { minValue: 1 }, displayOptions: show(resource, [operation], { returnAll: [false] }),
    description: 'Max number of results to return' },
];
const output = (resource: string, operation: string[]): NodeProperty => ({
  displayName: 'Output', name: 'output', type: 'options', default: 'simple', displayOptions: show(resource, operation),
  options: [{ name: 'Simplified', value: 'simple' }, { name: 'Raw', value: 'raw' }, { name: 'Selected Fields', value: 'fields' }],
});
const fields = (resource: string, operation: string[]): NodeProperty => ({
  displayName: 'Fields', name: 'fields', type: 'multiOptions', default: [], displayOptions: show(resource, operation, { output: ['fields'] }),
  options: ['bccRecipients', 'body', 'bodyPreview', 'categories', 'ccRecipients', 'conversationId', 'createdDateTime', 'flag', 'from', 'hasAttachments',
    'importance', 'isDraft', 'isRead', 'receivedDateTime', 'replyTo', 'sender', 'sentDateTime', 'subject', 'toRecipients', 'webLink'].map((v) => ({ name: v, value: v })),
});
const messageOptions: NodeProperty[] = [
  str('Attachments', 'attachments', { description: 'Names of the input binary fields to attach, comma separated' }),
  str('BCC Recipients', 'bccRecipients', { description: 'Comma-separated list of email addresses of BCC recipients' }),
  { displayName: 'Body Content Type', name: 'bodyContentType', type: 'options', default: 'html', options: [{ name: 'HTML', value: 'html' }, { name: 'Text', value: 'Text' }] },
  str('Category Names or IDs', 'categories'),
  str('CC Recipients', 'ccRecipients', { description: 'Comma-separated list of email addresses of carbon copy recipients' }),
  str('From', 'from', { description: 'The owner of the mailbox from which the message is sent. Must correspond to the actual mailbox used.' }),
  { displayName: 'Importance', name: 'importance', type: 'options', default: 'Low', options: [{ name: 'Low', value: 'Low' }, { name: 'Normal', value: 'Normal' }, { name: 'High', value: 'High' }] },
  { displayName: 'Read Receipt Requested', name: 'isReadReceiptRequested', type: 'boolean', default: false },
  str('Reply To', 'replyTo', { description: 'Email address to use when replying' }),
];

export const outlookProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'message', options: [
    { name: 'Contact', value: 'contact' }, { name: 'Draft', value: 'draft' }, { name: 'Event', value: 'event' }, { name: 'Folder', value: 'folder' },
    { name: 'Message', value: 'message' }, { name: 'Message Attachment', value: 'messageAttachment' },
  ] },
  ops('message', 'send', [['Delete', 'delete', 'Delete a message'], ['Get', 'get', 'Retrieve a single message'], ['Get Many', 'getAll', 'List and search messages'],
    ['Move', 'move', 'Move a message to a folder'], ['Reply', 'reply', 'Create a reply to a message'], ['Send', 'send', 'Send a message'], ['Send and Wait for Response', 'sendAndWait', 'Send message and wait for response'],
    ['Update', 'update', 'Update a message']]),
  ...outlookSendAndWaitProperties,
  locator('Message', 'messageId', 'searchMessages', show('message', ['delete', 'get', 'move', 'reply', 'update'])),
  str('To', 'toRecipients', { required: true, placeholder: 'e.g. john@example.com', displayOptions: show('message', ['send']), description: 'Comma-separated list of email addresses of recipients' }),
  str('Subject', 'subject', { displayOptions: show('message', ['send']), placeholder: 'e.g. Hello' }),
  str('Message', 'bodyContent', { displayOptions: show('message', ['send']), typeOptions: { rows: 2 }, description: 'Message body content' }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('message', ['send']),
    options: [...messageOptions, { displayName: 'Save To Sent Items', name: 'saveToSentItems', type: 'boolean', default: true }] },
  { displayName: 'Reply to Sender Only', name: 'replyToSenderOnly', type: 'boolean', default: false, displayOptions: show('message', ['reply']),
    description: 'Whether to reply to the sender only or to the entire list of recipients' },
  str('Message', 'message', { displayOptions: show('message', ['reply']), typeOptions: { rows: 2 } }),
  { displayName: 'Send', name: 'send', type: 'boolean', default: true, displayOptions: show('message', ['reply']), description: 'Whether to send the reply message directly. If not set, it will be saved as draft.' },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('message', ['reply']), options: messageOptions },
  output('message', ['get', 'getAll']), fields('message', ['get', 'getAll']),
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('message', ['get']),
    options: [{ displayName: 'Attachments Prefix', name: 'attachmentsPrefix', type: 'string', default: 'attachment_' },
      { displayName: 'Download Attachments', name: 'downloadAttachments', type: 'boolean', default: false }] },
  ...returnAll('message', 'getAll', 100),
  { displayName: 'Filters', name: 'filtersUI', type: 'fixedCollection', placeholder: 'Add Filters', default: {}, displayOptions: show('message', ['getAll']),
    options: [{ displayName: 'Values', name: 'values', values: [
      { displayName: 'Filter By', name: 'filterBy', type: 'options', default: 'filters', options: [{ name: 'Filters', value: 'filters' }, { name: 'Search', value: 'search' }] },
      str('Search', 'search', { displayOptions: { show: { filterBy: ['search'] } }, description: 'Only return messages that contains search term' }),
      { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: { show: { filterBy: ['filters'] } }, options: [
        str('Custom Filter', 'custom', { description: 'An OData $filter expression' }),
        { displayName: 'Folders to Include', name: 'foldersToInclude', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getFolders' } },
        { displayName: 'Has Attachments', name: 'hasAttachments', type: 'boolean', default: false },
        { displayName: 'Read Status', name: 'readStatus', type: 'options', default: 'unread', options: [{ name: 'Unread and read messages', value: 'both' }, { name: 'Unread messages only', value: 'unread' }, { name: 'Read messages only', value: 'read' }] },
        { displayName: 'Received After', name: 'receivedAfter', type: 'dateTime', default: '' },
        { displayName: 'Received Before', name: 'receivedBefore', type: 'dateTime', default: '' },
        str('Sender', 'sender', { description: 'Sender name or email to filter by' }),
      ] },
    ] }] },
  locator('Parent Folder', 'folderId', 'searchFolders', show('message', ['move'])),
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('message', ['update']), options: [
    str('Subject', 'subject'), str('Body Content', 'bodyContent'), { displayName: 'Is Read', name: 'isRead', type: 'boolean', default: false }, ...messageOptions.slice(1),
  ] },

  ops('draft', 'create', [['Create', 'create', 'Create a new email draft'], ['Delete', 'delete', 'Delete an email draft'], ['Get', 'get', 'Retrieve an email draft'],
    ['Send', 'send', 'Send an existing email draft'], ['Update', 'update', 'Update an email draft']]),
  str('Subject', 'subject', { displayOptions: show('draft', ['create']), placeholder: 'e.g. Hello' }),
  str('Message', 'bodyContent', { displayOptions: show('draft', ['create']), typeOptions: { rows: 2 } }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('draft', ['create']),
    options: [...messageOptions, str('To', 'toRecipients')] },
  locator('Draft', 'draftId', 'searchDrafts', show('draft', ['delete', 'get', 'send', 'update'])),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('draft', ['send']), options: [str('To', 'to')] },
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('draft', ['update']),
    options: [str('Subject', 'subject'), str('Body Content', 'bodyContent'), str('To', 'toRecipients'), ...messageOptions.slice(1)] },

  ops('folder', 'create', [['Create', 'create', 'Create a mail folder in the root folder of the user\'s mailbox'], ['Delete', 'delete', 'Delete a folder'],
    ['Get', 'get', 'Retrieve a folder'], ['Get Many', 'getAll', 'Get many folders'], ['Update', 'update', 'Update a folder']]),
  str('Name', 'displayName', { required: true, placeholder: 'e.g. My Folder', displayOptions: show('folder', ['create']) }),
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('folder', ['create']),
    options: [{ ...locator('Parent Folder', 'folderId', 'searchFolders', { show: {} }, false) }] },
  locator('Folder', 'folderId', 'searchFolders', show('folder', ['delete', 'get', 'update'])),
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('folder', ['update']), options: [str('Name', 'displayName')] },
  ...returnAll('folder', 'getAll', 100),

  ops('event', 'create', [['Create', 'create', 'Create a new event'], ['Delete', 'delete', 'Delete an event'], ['Get', 'get', 'Retrieve an event'], ['Get Many', 'getAll', 'List and search events'],
    ['Update', 'update', 'Update an event']]),
  locator('Calendar', 'calendarId', 'searchCalendars', show('event', ['create', 'delete', 'get', 'getAll', 'update']), false),
  locator('Event', 'eventId', 'searchEvents', show('event', ['delete', 'get', 'update'])),
  str('Title', 'subject', { required: true, displayOptions: show('event', ['create']) }),
  { displayName: 'Start', name: 'startDateTime', type: 'dateTime', default: '', required: true, displayOptions: show('event', ['create']) },
  { displayName: 'End', name: 'endDateTime', type: 'dateTime', default: '', required: true, displayOptions: show('event', ['create']) },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('event', ['create']), options: [
    str('Description', 'body'), { displayName: 'Is All Day', name: 'isAllDay', type: 'boolean', default: false }, str('Location', 'location'), str('Timezone', 'timeZone'),
  ] },
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('event', ['update']), options: [
    str('Title', 'subject'), str('Description', 'body'), { displayName: 'Start', name: 'startDateTime', type: 'dateTime', default: '' },
    { displayName: 'End', name: 'endDateTime', type: 'dateTime', default: '' }, str('Location', 'location'), str('Timezone', 'timeZone'),
  ] },
  ...returnAll('event', 'getAll', 100),
  { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: show('event', ['getAll']), options: [str('Custom Filter', 'custom')] },

  ops('contact', 'create', [['Create', 'create', 'Create a new contact'], ['Delete', 'delete', 'Delete a contact'], ['Get', 'get', 'Retrieve a contact'],
    ['Get Many', 'getAll', 'List and search contacts'], ['Update', 'update', 'Update a contact']]),
  str('First Name', 'givenName', { required: true, displayOptions: show('contact', ['create']) }),
  str('Last Name', 'surname', { displayOptions: show('contact', ['create']) }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('contact', ['create']), options: [
    str('Business Phones', 'businessPhones'), str('Company Name', 'companyName'), str('Email Address', 'emailAddresses'), str('Job Title', 'jobTitle'),
    str('Mobile Phone', 'mobilePhone'), str('Notes', 'personalNotes'),
  ] },
  locator('Contact', 'contactId', 'searchContacts', show('contact', ['delete', 'get', 'update'])),
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('contact', ['update']), options: [
    str('First Name', 'givenName'), str('Last Name', 'surname'), str('Business Phones', 'businessPhones'), str('Company Name', 'companyName'),
    str('Email Address', 'emailAddresses'), str('Job Title', 'jobTitle'), str('Mobile Phone', 'mobilePhone'), str('Notes', 'personalNotes'),
  ] },
  ...returnAll('contact', 'getAll', 50),

  ops('messageAttachment', 'add', [['Add', 'add', 'Add an attachment to a message'], ['Download', 'download', 'Download an attachment from a message'],
    ['Get', 'get', 'Retrieve information about an attachment of a message'], ['Get Many', 'getAll', 'Retrieve information about the attachments of a message']]),
  locator('Message', 'messageId', 'searchMessages', show('messageAttachment', ['add', 'download', 'get', 'getAll'])),
  locator('Attachment', 'attachmentId', 'searchAttachments', show('messageAttachment', ['download', 'get'])),
  str('Input Data Field Name', 'binaryPropertyName', { default: 'data', required: true, displayOptions: show('messageAttachment', ['add']),
    description: 'The name of the input binary field containing the file to be added' }),
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('messageAttachment', ['add']),
    options: [str('File Name', 'fileName', { description: 'Filename of the attachment. If not set will the file-name of the binary property be used, if it exists.' })] },
  str('Put Output File in Field', 'binaryPropertyName', { default: 'data', required: true, displayOptions: show('messageAttachment', ['download']) }),
  ...returnAll('messageAttachment', 'getAll', 50),
];
