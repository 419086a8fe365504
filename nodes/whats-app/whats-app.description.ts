// Parameters of n8n's WhatsApp Business Cloud node (v1, v1.1): message send (text, media by link, ID
// or an uploaded binary, location, contacts) and sendTemplate; media upload, download (its URL) and
// delete. Names, defaults and display rules are n8n's; dropdowns load through our methods.
import type { DisplayOptions, NodeProperty } from '../../engine/index.ts';

export const MEDIA_TYPES = ['image', 'video', 'audio', 'sticker', 'document'];
const send = (more: Record<string, unknown[]> = {}): DisplayOptions => ({ show: { operation: ['send'], ...more } });
const sendMessage = (types: string[], more: Record<string, unknown[]> = {}): DisplayOptions =>
  ({ show: { resource: ['message'], operation: ['send'], messageType: types, ...more } });
const media = (operation: string): DisplayOptions => ({ show: { operation: [operation], resource: ['media'] } });
const str = (displayName: string, name: string, more: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...more });
const homeWork = (path: string): NodeProperty => ({ displayName: 'Type', name: 'type', type: 'options', default: 'HOME', description: path,
  options: [{ name: 'Home', value: 'HOME' }, { name: 'Work', value: 'WORK' }] });
const list = (displayName: string, name: string, entry: string, entryName: string, values: NodeProperty[]): NodeProperty => ({
  displayName, name, type: 'fixedCollection', typeOptions: { multipleValues: true }, placeholder: 'Add Parameter', default: {},
  options: [{ displayName: entryName, name: entry, values }],
});
const phoneNumberId = (description: string, displayOptions: DisplayOptions): NodeProperty => ({
  displayName: 'Sender Phone Number (or ID)', name: 'phoneNumberId', type: 'options', typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
  default: '', required: true, description, displayOptions,
});
const takeFrom = (noun: string, type: string): NodeProperty => ({
  displayName: `Take ${noun} From`, name: 'mediaPath', type: 'options', default: 'useMediaLink', description: `Use a link, an ID, or n8n to upload ${type === 'audio' ? 'an audio file' : `a ${type}`}`,
  options: [
    { name: 'Link', value: 'useMediaLink', description: `WhatsApp will download the ${type}, saving you the step of uploading it yourself` },
    { name: 'WhatsApp Media', value: 'useMediaId', description: `If you have already uploaded the ${type} to WhatsApp` },
    { name: 'n8n', value: 'useMedian8n', description: 'Use binary data passed into this node' },
  ],
  displayOptions: send({ messageType: [type] }),
});
const PHONE_TYPES = ['Cell', 'Home', 'Iphone', 'Main', 'Work'].map((name) => ({ name, value: name.toUpperCase() }));

const messageProperties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'sendTemplate', displayOptions: { show: { resource: ['message'] } },
    options: [{ name: 'Send', value: 'send' }, { name: 'Send Template', value: 'sendTemplate' }] },
  { displayName: 'Messaging Product', name: 'messagingProduct', type: 'hidden', default: 'whatsapp', displayOptions: { show: { resource: ['message'] } } },
  phoneNumberId("The ID of the business account's phone number from which the message will be sent from", { show: { resource: ['message'] } }),
  str("Recipient's Phone Number", 'recipientPhoneNumber', { required: true, description: 'Phone number of the recipient of the message, with its country code', displayOptions: { show: { resource: ['message'] } } }),
  { displayName: 'MessageType', name: 'messageType', type: 'options', noDataExpression: true, default: 'text', description: 'The type of the message',
    displayOptions: { show: { resource: ['message'], operation: ['send'] } },
    options: ['Audio', 'Contacts', 'Document', 'Image', 'Location', 'Text', 'Video'].map((name) => ({ name, value: name.toLowerCase() })) },
  // contacts
  { displayName: 'Name', name: 'name', type: 'fixedCollection', typeOptions: { multipleValues: false }, placeholder: 'Add Parameter', default: {},
    displayOptions: send({ messageType: ['contacts'] }),
    options: [{ displayName: 'Name', name: 'data', values: [
      str('Formatted Name', 'formatted_name', { required: true }), str('First Name', 'first_name'), str('Last Name', 'last_name'),
      str('Middle Name', 'middle_name'), str('Suffix', 'suffix'), str('Prefix', 'prefix'),
    ] }] },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: send({ messageType: ['contacts'] }), options: [
    list('Addresses', 'addresses', 'address', 'Address', [homeWork('Address type'), str('Street', 'street'), str('City', 'city'), str('State', 'state'),
      str('Zip', 'zip'), str('Country', 'country'), str('Country Code', 'country_code')]),
    str('Birthday', 'birthday', { placeholder: 'YYYY-MM-DD' }),
    list('Emails', 'emails', 'data', 'Email', [homeWork('Email type'), str('Email', 'email', { placeholder: 'name@email.com' })]),
    { displayName: 'Organization', name: 'organization', type: 'fixedCollection', typeOptions: { multipleValues: false }, placeholder: 'Add Parameter', default: {},
      options: [{ displayName: 'Organization', name: 'data', values: [str('Company', 'company'), str('Department', 'department'), str('Title', 'title')] }] },
    list('Phones', 'phones', 'data', 'Phone', [
      { displayName: 'Type', name: 'type', type: 'options', default: 'CELL', displayOptions: { show: { '@version': [1] } },
        options: [...PHONE_TYPES.slice(0, 4), { name: 'WhatsApp ID', value: 'wa_id' }, PHONE_TYPES[4]] },
      { displayName: 'Type', name: 'type', type: 'options', default: 'CELL', displayOptions: { show: { '@version': [{ _cnd: { gt: 1 } }] } }, options: PHONE_TYPES },
      str('Phone', 'phone'),
      str('WhatsApp User ID', 'whatsapp_user_id', { description: 'If omitted, the message will display an Invite to WhatsApp button instead of the standard buttons',
        displayOptions: { hide: { '@version': [{ _cnd: { lt: 1.1 } }] } } }),
    ]),
    list('URLs', 'urls', 'url', 'URL', [homeWork('URL type'), str('URL', 'url')]),
  ] },
  // location
  { displayName: 'Longitude', name: 'longitude', type: 'number', required: true, default: '', typeOptions: { minValue: -180, maxValue: 180 }, displayOptions: sendMessage(['location']) },
  { displayName: 'Latitude', name: 'latitude', type: 'number', required: true, default: '', typeOptions: { minValue: -90, maxValue: 90 }, displayOptions: sendMessage(['location']) },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'fixedCollection', placeholder: 'Add Field', default: {}, displayOptions: sendMessage(['location']),
    options: [{ displayName: 'Name and Address', name: 'nameAndAddress', values: [str('Name', 'name'), str('Address', 'address')] }] },
  // text
  str('Text Body', 'textBody', { required: true, description: 'The body of the message (max 4096 characters)', displayOptions: sendMessage(['text']) }),
  // media
  takeFrom('Audio', 'audio'), takeFrom('Document', 'document'), takeFrom('Image', 'image'), takeFrom('Video', 'video'),
  str('Link', 'mediaLink', { description: 'Link of the media to be sent', displayOptions: send({ messageType: MEDIA_TYPES, mediaPath: ['useMediaLink'] }) }),
  str('ID', 'mediaId', { description: 'ID of the media to be sent', displayOptions: send({ messageType: MEDIA_TYPES, mediaPath: ['useMediaId'] }) }),
  str('Input Data Field Name', 'mediaPropertyName', { default: 'data', required: true, description: 'The name of the input field containing the binary file data to be uploaded',
    displayOptions: send({ messageType: MEDIA_TYPES, mediaPath: ['useMedian8n'] }) }),
  str('Filename', 'mediaFilename', { required: true, description: 'The name of the file (required when using a file ID)',
    displayOptions: send({ messageType: ['document'], mediaPath: ['useMediaId'] }) }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: sendMessage(MEDIA_TYPES), options: [
    str('Filename', 'mediaFilename', { description: 'The name of the file', displayOptions: { show: { '/messageType': ['document'] } } }),
    str('Caption', 'mediaCaption', { description: 'The caption of the media' }),
  ] },
  // template
  { displayName: 'Template', name: 'template', type: 'options', default: '', required: true, description: 'Name of the template',
    typeOptions: { loadOptionsMethod: 'getTemplates' }, displayOptions: { show: { operation: ['sendTemplate'], resource: ['message'] } } },
  { displayName: 'Components', name: 'components', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true }, placeholder: 'Add Component',
    displayOptions: { show: { operation: ['sendTemplate'], resource: ['message'] } },
    options: [{ name: 'component', displayName: 'Component', values: [
      { displayName: 'Type', name: 'type', type: 'options', default: 'body', options: [{ name: 'Body', value: 'body' }, { name: 'Button', value: 'button' }, { name: 'Header', value: 'header' }] },
      { displayName: 'Parameters', name: 'bodyParameters', type: 'fixedCollection', typeOptions: { sortable: true, multipleValues: true }, placeholder: 'Add Parameter', default: {},
        displayOptions: { show: { type: ['body'] } },
        options: [{ displayName: 'Parameter', name: 'parameter', values: [
          { displayName: 'Type', name: 'type', type: 'options', default: 'text', options: [{ name: 'Text', value: 'text' }, { name: 'Currency', value: 'currency' }, { name: 'Date Time', value: 'date_time' }] },
          str('Text', 'text', { displayOptions: { show: { type: ['text'] } } }),
          str('Currency Code', 'code', { placeholder: 'USD', displayOptions: { show: { type: ['currency'] } } }),
          { displayName: 'Amount', name: 'amount_1000', type: 'number', default: '', placeholder: '', displayOptions: { show: { type: ['currency'] } } },
          str('Fallback Value', 'fallback_value', { displayOptions: { show: { type: ['currency'] } } }),
          { displayName: 'Date Time', name: 'date_time', type: 'dateTime', default: '', placeholder: '', displayOptions: { show: { type: ['date_time'] } } },
        ] }] },
      { displayName: 'Sub Type', name: 'sub_type', type: 'options', default: 'quick_reply', displayOptions: { show: { type: ['button'] } },
        options: [{ name: 'Quick Reply', value: 'quick_reply' }, { name: 'URL', value: 'url' }] },
      { displayName: 'Index', name: 'index', type: 'number', default: 0, typeOptions: { maxValue: 2, minValue: 0 }, displayOptions: { show: { type: ['button'] } } },
      { displayName: 'Parameters', name: 'buttonParameters', type: 'fixedCollection', typeOptions: { sortable: true, multipleValues: false }, placeholder: 'Add Parameter', default: {},
        displayOptions: { show: { type: ['button'] } },
        options: [{ displayName: 'Parameter', name: 'parameter', values: [
          { displayName: 'Type', name: 'type', type: 'options', default: 'payload', options: [{ name: 'Payload', value: 'payload' }, { name: 'Text', value: 'text' }] },
          str('Payload', 'payload', { displayOptions: { show: { type: ['payload'] } } }),
          str('Text', 'text', { displayOptions: { show: { type: ['text'] } } }),
        ] }] },
      { displayName: 'Parameters', name: 'headerParameters', type: 'fixedCollection', typeOptions: { sortable: true, multipleValues: true }, placeholder: 'Add Parameter', default: {},
        displayOptions: { show: { type: ['header'] } },
        options: [{ displayName: 'Parameter', name: 'parameter', values: [
          { displayName: 'Type', name: 'type', type: 'options', default: 'text', options: [{ name: 'Text', value: 'text' }, { name: 'Currency', value: 'currency' },
            { name: 'Date Time', value: 'date_time' }, { name: 'Image', value: 'image' }] },
          str('Text', 'text', { displayOptions: { show: { type: ['text'] } } }),
          str('Image Link', 'imageLink', { displayOptions: { show: { type: ['image'] } } }),
        ] }] },
    ] }] },
];

const mediaProperties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'mediaUpload', description: 'The operation to perform on the media',
    displayOptions: { show: { resource: ['media'] } },
    options: [{ name: 'Upload', value: 'mediaUpload' }, { name: 'Download', value: 'mediaUrlGet' }, { name: 'Delete', value: 'mediaDelete' }] },
  phoneNumberId("The ID of the business account's phone number to store the media", media('mediaUpload')),
  str('Property Name', 'mediaPropertyName', { default: 'data', required: true, description: 'Name of the binary property which contains the data for the file to be uploaded',
    displayOptions: media('mediaUpload') }),
  str('Media ID', 'mediaGetId', { required: true, description: 'The ID of the media', displayOptions: media('mediaUrlGet') }),
  str('Media ID', 'mediaDeleteId', { required: true, description: 'The ID of the media', displayOptions: media('mediaDelete') }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {},
    displayOptions: { show: { resource: ['media'], operation: ['mediaUpload'] } },
    options: [str('Filename', 'mediaFileName', { description: 'The name to use for the file' })] },
];

export const whatsAppProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'message',
    options: [{ name: 'Message', value: 'message' }, { name: 'Media', value: 'media' }] },
  ...messageProperties,
  ...mediaProperties,
];
