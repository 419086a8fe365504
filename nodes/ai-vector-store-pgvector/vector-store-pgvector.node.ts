// Postgres PGVector Store (@n8n/n8n-nodes-langchain.vectorStorePGVector v1–1.3): documents in a
// PostgreSQL table with the pgvector extension, reached with n8n's `postgres` credential.
import type { ExecuteContext, NodeProperty } from '../../engine/index.ts';
import { metadataFilterProperty } from '../ai-shared/vector-metadata.ts';
import { DEFAULT_COLUMNS, PgVectorStore, type DistanceStrategy, type PgVectorColumns, type PgVectorOptions } from '../ai-shared/vector-pg-store.ts';
import { createVectorStoreNode } from '../ai-shared/vector-store-node.ts';

const sharedFields: NodeProperty[] = [
  { displayName: 'Table Name', name: 'tableName', type: 'string', default: 'n8n_vectors', description: 'The table name to store the vectors in. If table does not exist, it will be created.' },
  {
    displayName: 'Create Extension', name: 'createExtension', type: 'boolean', default: false,
    description: 'Whether to create the pgvector (vector) extension if it doesn\'t already exist. Requires superuser privileges. Off by default.',
  },
];

const collectionField: NodeProperty = {
  displayName: 'Collection', name: 'collection', type: 'fixedCollection', description: 'Collection of vectors',
  default: { values: { useCollection: false, collectionName: 'n8n', collectionTable: 'n8n_vector_collections' } },
  typeOptions: {}, placeholder: 'Add Collection Settings',
  options: [{
    name: 'values', displayName: 'Collection Settings',
    values: [
      { displayName: 'Use Collection', name: 'useCollection', type: 'boolean', default: false },
      { displayName: 'Collection Name', name: 'collectionName', type: 'string', default: 'n8n', required: true, displayOptions: { show: { useCollection: [true] } } },
      { displayName: 'Collection Table Name', name: 'collectionTableName', type: 'string', default: 'n8n_vector_collections', required: true, displayOptions: { show: { useCollection: [true] } } },
    ],
  }],
};

const columnNamesField: NodeProperty = {
  displayName: 'Column Names', name: 'columnNames', type: 'fixedCollection', description: 'The names of the columns in the PGVector table',
  default: { values: { ...DEFAULT_COLUMNS } }, typeOptions: {}, placeholder: 'Set Column Names',
  options: [{
    name: 'values', displayName: 'Column Name Settings',
    values: [
      { displayName: 'ID Column Name', name: 'idColumnName', type: 'string', default: 'id', required: true },
      { displayName: 'Vector Column Name', name: 'vectorColumnName', type: 'string', default: 'embedding', required: true },
      { displayName: 'Content Column Name', name: 'contentColumnName', type: 'string', default: 'text', required: true },
      { displayName: 'Metadata Column Name', name: 'metadataColumnName', type: 'string', default: 'metadata', required: true },
    ],
  }],
};

const distanceStrategyField: NodeProperty = {
  displayName: 'Distance Strategy', name: 'distanceStrategy', type: 'options', default: 'cosine', description: 'The method to calculate the distance between two vectors',
  options: [{ name: 'Cosine', value: 'cosine' }, { name: 'Inner Product', value: 'innerProduct' }, { name: 'Euclidean', value: 'euclidean' }],
};

const insertFields: NodeProperty[] = [
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [collectionField, columnNamesField] },
];
const retrieveFields: NodeProperty[] = [
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [distanceStrategyField, collectionField, columnNamesField, metadataFilterProperty] },
];

/** The store as the node's parameters describe it (options read from item 0, as n8n does). */
async function storeOptions(ctx: ExecuteContext, itemIndex: number): Promise<PgVectorOptions> {
  const collection = ctx.getNodeParameter('options.collection.values', 0, {}) as { useCollection?: boolean; collectionName?: string; collectionTableName?: string };
  return {
    credentials: await ctx.credentials.get('postgres'),
    tableName: String(ctx.getNodeParameter('tableName', itemIndex, 'n8n_vectors')),
    columns: ctx.getNodeParameter('options.columnNames.values', 0, DEFAULT_COLUMNS) as Partial<PgVectorColumns>,
    distanceStrategy: ctx.getNodeParameter('options.distanceStrategy', 0, 'cosine') as DistanceStrategy,
    createExtension: ctx.getNodeParameter('createExtension', itemIndex, false) === true,
    ...(collection.useCollection ? { collection: { name: collection.collectionName ?? 'n8n', tableName: collection.collectionTableName ?? 'n8n_vector_collections' } } : {}),
  };
}

export const vectorStorePGVectorNode = createVectorStoreNode({
  meta: {
    name: '@n8n/n8n-nodes-langchain.vectorStorePGVector',
    displayName: 'Postgres PGVector Store',
    description: 'Work with your data in Postgresql with the PGVector extension',
    icon: 'file:postgres.svg',
    credentials: [{ name: 'postgres', required: true }],
    operationModes: ['load', 'insert', 'retrieve', 'retrieve-as-tool'],
  },
  sharedFields,
  insertFields,
  loadFields: retrieveFields,
  retrieveFields,
  async getVectorStoreClient(ctx, filter, embeddings, itemIndex) {
    const store = new PgVectorStore(embeddings, { ...(await storeOptions(ctx, itemIndex)), ...(filter ? { filter } : {}) });
    await store.ensureTables();
    return store;
  },
  async populateVectorStore(ctx, embeddings, documents, itemIndex) {
    const store = new PgVectorStore(embeddings, await storeOptions(ctx, itemIndex));
    await store.addDocuments(documents);
  },
});
