// MongoDB node parameters (n8n-nodes-base.mongoDb v1 … 1.5): n8n's resources, operations, names,
// types and defaults. The properties are the same for every version; versions differ in behaviour.
import type { NodeProperty } from '../../engine/index.ts';

const documents = (...operation: string[]) => ({ show: { operation, resource: ['document'] } });
const searchIndexes = (...operation: string[]) => ({ show: { operation, resource: ['searchIndexes'] } });
const writes = ['update', 'findOneAndReplace', 'findOneAndUpdate'];

const parametersHelp = 'A JSON array of the values for $1, $2 … in order: strings, numbers, booleans, null, or arrays of those';
const parametersList = (name: string, displayName: string, more: Partial<NodeProperty> = {}): NodeProperty => ({
  displayName, name, type: 'json', typeOptions: { rows: 2 }, default: '=[]', placeholder: '["value1", 123, true, null]',
  description: parametersHelp, ...more,
});

export const mongoDbProperties: NodeProperty[] = [
  {
    displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'document',
    options: [{ name: 'Search Index', value: 'searchIndexes' }, { name: 'Document', value: 'document' }],
  },
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'find',
    displayOptions: { show: { resource: ['document'] } },
    options: [
      { name: 'Aggregate', value: 'aggregate', description: 'Run an aggregation pipeline' },
      { name: 'Delete', value: 'delete', description: 'Delete the documents a query matches' },
      { name: 'Find', value: 'find', description: 'Find the documents a query matches' },
      { name: 'Find And Replace', value: 'findOneAndReplace', description: 'Replace the document with the update key' },
      { name: 'Find And Update', value: 'findOneAndUpdate', description: 'Set fields of the document with the update key' },
      { name: 'Insert', value: 'insert', description: 'Insert one document per item' },
      { name: 'Update', value: 'update', description: 'Set fields of the documents with the update key' },
    ],
  },
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'createSearchIndex',
    displayOptions: { show: { resource: ['searchIndexes'] } },
    options: [
      { name: 'Create', value: 'createSearchIndex' },
      { name: 'Drop', value: 'dropSearchIndex' },
      { name: 'List', value: 'listSearchIndexes' },
      { name: 'Update', value: 'updateSearchIndex' },
    ],
  },
  { displayName: 'Collection', name: 'collection', type: 'string', required: true, default: '', description: 'The MongoDB collection' },
  {
    displayName: 'Query', name: 'query', type: 'json', typeOptions: { alwaysOpenEditWindow: true }, displayOptions: documents('aggregate'),
    default: '', required: true, placeholder: '[{ "$match": { "name": "$1", "age": { "$gte": "$2" } } }]',
    description: 'The aggregation pipeline as JSON; $1, $2 … as whole values stand for the Query Parameters',
  },
  {
    displayName: 'Delete Query (JSON Format)', name: 'query', type: 'json', typeOptions: { rows: 5 }, displayOptions: documents('delete'),
    default: '{}', required: true, placeholder: '{ "name": "$1", "age": "$2" }',
    description: 'The filter of the documents to delete, as JSON; $1, $2 … as whole values stand for the Query Parameters',
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', displayOptions: documents('find'), default: {}, placeholder: 'Add option',
    description: 'Add query options',
    options: [
      { displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1 }, default: 0, description: 'The most documents to return; 0 for all' },
      { displayName: 'Skip', name: 'skip', type: 'number', default: 0, description: 'How many matching documents to leave out first' },
      {
        displayName: 'Sort (JSON Format)', name: 'sort', type: 'json', typeOptions: { rows: 2 }, default: '{}', placeholder: '{ "field1": 1, "$1": -1 }',
        description: 'The sort order as JSON; $1, $2 … as whole field names or values stand for the Sort Parameters',
      },
      parametersList('sortParameters', 'Sort Parameters', { placeholder: '["fieldName"]' }),
      {
        displayName: 'Projection (JSON Format)', name: 'projection', type: 'json', typeOptions: { rows: 4 }, default: '{}', placeholder: '{ "_id": 0, "$1": 1 }',
        description: 'The fields to return or leave out, as JSON; $1, $2 … as whole field names or values stand for the Projection Parameters',
      },
      parametersList('projectionParameters', 'Projection Parameters', { placeholder: '["fieldName"]' }),
    ],
  },
  {
    displayName: 'Query (JSON Format)', name: 'query', type: 'json', typeOptions: { rows: 5 }, displayOptions: documents('find'),
    default: '{}', required: true, placeholder: '{ "name": "$1", "age": "$2" }',
    description: 'The filter as JSON; $1, $2 … as whole values stand for the Query Parameters',
  },
  parametersList('queryParameters', 'Query Parameters', { displayOptions: documents('aggregate', 'delete', 'find') }),
  {
    displayName: 'Fields', name: 'fields', type: 'string', displayOptions: documents('insert'), default: '', placeholder: 'name,description',
    description: 'The item fields to store, separated by commas',
  },
  {
    displayName: 'Update Key', name: 'updateKey', type: 'string', displayOptions: documents(...writes), default: 'id', required: true,
    description: 'The field whose value picks the document to change, usually "id"',
  },
  {
    displayName: 'Fields', name: 'fields', type: 'string', displayOptions: documents(...writes), default: '', placeholder: 'name,description',
    description: 'The item fields to store, separated by commas',
  },
  {
    displayName: 'Upsert', name: 'upsert', type: 'boolean', displayOptions: documents(...writes), default: false,
    description: 'Whether to insert a document when none has the update key',
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', displayOptions: documents('update', 'insert', 'findOneAndReplace', 'findOneAndUpdate'),
    placeholder: 'Add option', default: {},
    options: [
      { displayName: 'Date Fields', name: 'dateFields', type: 'string', default: '', description: 'Fields to store as MongoDB dates, separated by commas' },
      { displayName: 'Use Dot Notation', name: 'useDotNotation', type: 'boolean', default: false, description: 'Whether field names like "a.b" read (and write) nested fields' },
    ],
  },
  {
    displayName: 'Index Name', name: 'indexName', type: 'string', displayOptions: searchIndexes('listSearchIndexes'), default: '',
    description: 'Only list the index with this name',
  },
  {
    displayName: 'Index Name', name: 'indexNameRequired', type: 'string', displayOptions: searchIndexes('createSearchIndex', 'dropSearchIndex', 'updateSearchIndex'),
    default: '', required: true, description: 'The name of the search index',
  },
  {
    displayName: 'Index Definition', name: 'indexDefinition', type: 'json', displayOptions: searchIndexes('createSearchIndex', 'updateSearchIndex'),
    typeOptions: { alwaysOpenEditWindow: true }, placeholder: '{ "type": "vectorSearch", "definition": {} }', default: '{}', required: true,
    description: 'The search index definition as JSON; $1, $2 … as whole field names or values stand for the Index Definition Parameters',
  },
  parametersList('indexDefinitionParameters', 'Index Definition Parameters', { displayOptions: searchIndexes('createSearchIndex', 'updateSearchIndex') }),
  {
    displayName: 'Index Type', name: 'indexType', type: 'options', displayOptions: searchIndexes('createSearchIndex'),
    options: [{ name: 'Vector Search', value: 'vectorSearch' }, { name: 'Search', value: 'search' }],
    default: 'vectorSearch', required: true, description: 'The kind of search index',
  },
];
