// Parameters of n8n's Google Docs node (typeVersions 1 and 2): document create (in a drive and
// folder), get (simplified to its text) and update with the list of batchUpdate actions.
import type { NodeProperty } from '../../engine/index.ts';

const opt = (name: string, value: unknown, description?: string) => ({ name, value, ...(description ? { description } : {}) });
const on = (operation: string) => ({ show: { operation: [operation], resource: ['document'] } });
type Show = Record<string, unknown[]>;
const field = (property: NodeProperty, show: Show, hide?: Show): NodeProperty => ({ ...property, displayOptions: { show, ...(hide ? { hide } : {}) } });
const num = (name: string, displayName: string, fallback: number, more: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'number', default: fallback, ...more });
const text = (name: string, displayName: string, more: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...more });
const segments = [opt('Header', 'header'), opt('Body', 'body'), opt('Footer', 'footer')];
const locationChoice = (object: string): NodeProperty => field({ displayName: 'Insert Location', name: 'locationChoice', type: 'options', default: 'endOfSegmentLocation',
  options: [opt('At End of Specific Position', 'endOfSegmentLocation', 'Inserts the text at the end of a header, footer, footnote, or document body'), opt('At Index', 'location')] },
{ object: [object], action: ['insert'] });
const atIndex = (object: string): NodeProperty => field(num('index', 'Index', 1, { typeOptions: { minValue: 1 } }), { locationChoice: ['location'], object: [object], action: ['insert'] });

const actionFields: NodeProperty[] = [
  { displayName: 'Object', name: 'object', type: 'options', default: 'text', description: 'The update object',
    options: [opt('Footer', 'footer'), opt('Header', 'header'), opt('Named Range', 'namedRange'), opt('Page Break', 'pageBreak'), opt('Paragraph Bullets', 'paragraphBullets'),
      opt('Positioned Object', 'positionedObject'), opt('Table', 'table'), opt('Table Column', 'tableColumn'), opt('Table Row', 'tableRow'), opt('Text', 'text')] },
  field({ displayName: 'Action', name: 'action', type: 'options', default: '', options: [opt('Find and Replace Text', 'replaceAll'), opt('Insert', 'insert')] }, { object: ['text'] }),
  field({ displayName: 'Action', name: 'action', type: 'options', default: '', options: [opt('Create', 'create'), opt('Delete', 'delete')] }, { object: ['footer', 'header', 'namedRange', 'paragraphBullets'] }),
  field({ displayName: 'Action', name: 'action', type: 'options', default: '', options: [opt('Delete', 'delete'), opt('Insert', 'insert')] }, { object: ['tableColumn', 'tableRow'] }),
  field({ displayName: 'Action', name: 'action', type: 'options', default: '', options: [opt('Insert', 'insert')] }, { object: ['pageBreak', 'table'] }),
  field({ displayName: 'Action', name: 'action', type: 'options', default: '', options: [opt('Delete', 'delete')] }, { object: ['positionedObject'] }),
  field({ displayName: 'Insert Segment', name: 'insertSegment', type: 'options', default: 'body', options: segments }, { object: ['footer', 'header', 'paragraphBullets', 'namedRange'], action: ['create'] }),
  field(text('segmentId', 'Segment ID'), { object: ['footer', 'header', 'paragraphBullets', 'namedRange'], action: ['create'] }, { insertSegment: ['body'] }),
  field(num('index', 'Index', 0), { object: ['footer', 'header'], action: ['create'] }),
  field(text('name', 'Name'), { object: ['namedRange'], action: ['create'] }),
  field(num('startIndex', 'Start Index', 0), { object: ['namedRange'], action: ['create'] }),
  field(num('endIndex', 'End Index', 0), { object: ['namedRange'], action: ['create'] }),
  field({ displayName: 'Style', name: 'bulletPreset', type: 'options', default: 'BULLET_DISC_CIRCLE_SQUARE',
    options: [opt('Bullet List', 'BULLET_DISC_CIRCLE_SQUARE'), opt('Checkbox List', 'BULLET_CHECKBOX'), opt('Numbered List', 'NUMBERED_DECIMAL_NESTED')] }, { object: ['paragraphBullets'], action: ['create'] }),
  field(text('footerId', 'Footer ID'), { object: ['footer'], action: ['delete'] }),
  field(text('headerId', 'Header ID'), { object: ['header'], action: ['delete'] }),
  field({ displayName: 'Specify Range By', name: 'namedRangeReference', type: 'options', default: 'namedRangeId', options: [opt('ID', 'namedRangeId'), opt('Name', 'name')] },
    { object: ['namedRange'], action: ['delete'] }),
  field(text('value', 'ID'), { object: ['namedRange'], action: ['delete'], namedRangeReference: ['namedRangeId'] }),
  field(text('value', 'Name'), { object: ['namedRange'], action: ['delete'], namedRangeReference: ['name'] }),
  field(text('objectId', 'Object ID'), { object: ['positionedObject'], action: ['delete'] }),
  field({ displayName: 'Insert Segment', name: 'insertSegment', type: 'options', default: 'body', options: segments }, { object: ['pageBreak', 'table', 'tableColumn', 'tableRow', 'text'], action: ['insert'] }),
  field(text('segmentId', 'Segment ID'), { object: ['pageBreak', 'table', 'tableColumn', 'tableRow', 'text'], action: ['insert'] }, { insertSegment: ['body'] }),
  locationChoice('pageBreak'), atIndex('pageBreak'),
  locationChoice('table'), atIndex('table'),
  field(num('rows', 'Rows', 0), { object: ['table'], action: ['insert'] }),
  field(num('columns', 'Columns', 0), { object: ['table'], action: ['insert'] }),
  locationChoice('text'), atIndex('text'),
  field(text('text', 'Text'), { object: ['text'], action: ['insert'] }),
  field(text('text', 'Old Text'), { object: ['text'], action: ['replaceAll'] }),
  field(text('replaceText', 'New Text'), { object: ['text'], action: ['replaceAll'] }),
  field({ displayName: 'Match Case', name: 'matchCase', type: 'boolean', default: false }, { object: ['text'], action: ['replaceAll'] }),
  field({ displayName: 'Insert Segment', name: 'insertSegment', type: 'options', default: 'body', options: segments }, { object: ['paragraphBullets', 'tableColumn', 'tableRow'], action: ['delete'] }),
  field(text('segmentId', 'Segment ID'), { object: ['paragraphBullets', 'tableColumn', 'tableRow'], action: ['delete'] }, { insertSegment: ['body'] }),
  field(num('startIndex', 'Start Index', 0), { object: ['paragraphBullets'] }),
  field(num('endIndex', 'End Index', 0), { object: ['paragraphBullets'] }),
  field({ displayName: 'Insert Position', name: 'insertPosition', type: 'options', default: true, options: [opt('Before Content at Index', false), opt('After Content at Index', true)] },
    { object: ['tableColumn', 'tableRow'], action: ['insert'] }),
  field(num('index', 'Index', 1, { typeOptions: { minValue: 1 } }), { object: ['tableColumn', 'tableRow'] }),
  field(num('rowIndex', 'Row Index', 0), { object: ['tableColumn', 'tableRow'] }),
  field(num('columnIndex', 'Column Index', 0), { object: ['tableColumn', 'tableRow'] }),
];

export const docsProperties: NodeProperty[] = [
  { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'serviceAccount', displayOptions: { show: { '@version': [1] } },
    options: [opt('Service Account', 'serviceAccount'), opt('OAuth2', 'oAuth2')] },
  { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'oAuth2', displayOptions: { show: { '@version': [2] } },
    options: [opt('OAuth2 (recommended)', 'oAuth2'), opt('Service Account', 'serviceAccount')] },
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'document', options: [opt('Document', 'document')] },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'create', displayOptions: { show: { resource: ['document'] } },
    options: [{ name: 'Create', value: 'create', action: 'Create a document' }, { name: 'Get', value: 'get', action: 'Get a document' }, { name: 'Update', value: 'update', action: 'Update a document' }] as never },
  { displayName: 'Drive Name or ID', name: 'driveId', type: 'options', default: 'myDrive', required: true, typeOptions: { loadOptionsMethod: 'getDrives' }, displayOptions: on('create') },
  { displayName: 'Folder Name or ID', name: 'folderId', type: 'options', default: '', required: true, typeOptions: { loadOptionsDependsOn: ['driveId'], loadOptionsMethod: 'getFolders' }, displayOptions: on('create') },
  { ...text('title', 'Title', { required: true }), displayOptions: on('create') },
  { ...text('documentURL', 'Doc ID or URL', { required: true, description: 'The ID in the document URL (or just paste the whole URL)' }), displayOptions: on('get') },
  { displayName: 'Simplify', name: 'simple', type: 'boolean', default: true, displayOptions: on('get') },
  { ...text('documentURL', 'Doc ID or URL', { required: true, description: 'The ID in the document URL (or just paste the whole URL)' }), displayOptions: on('update') },
  { displayName: 'Simplify', name: 'simple', type: 'boolean', default: true, displayOptions: on('update') },
  { displayName: 'Actions', name: 'actionsUi', type: 'fixedCollection', placeholder: 'Add Action', typeOptions: { multipleValues: true }, displayOptions: on('update'),
    default: { actionFields: [{ object: 'text', action: 'insert', locationChoice: 'endOfSegmentLocation', index: 0, text: '' }] },
    options: [{ name: 'actionFields', displayName: 'Action Fields', values: actionFields }] },
  { displayName: 'Update Fields', name: 'updateFields', type: 'fixedCollection', placeholder: 'Add Field', default: {}, displayOptions: on('update'),
    options: [{ displayName: 'Write Control Object', name: 'writeControlObject', values: [
      { displayName: 'Revision Mode', name: 'control', type: 'options', default: 'requiredRevisionId', options: [opt('Target', 'targetRevisionId'), opt('Required', 'requiredRevisionId')] },
      text('value', 'Revision ID'),
    ] }] },
];
