// MongoDB (n8n-nodes-base.mongoDb v1 … 1.5): find, aggregate, delete, insert, update, find-and-
// update and find-and-replace documents, and manage Atlas search indexes, on the credential's
// shared client. v1 reads only the first item's parameters; from 1.1 every item runs on its own.
import type { Db, Document } from 'mongodb';
import { NodeOperationError, type ExecuteContext, type Item, type NodeOutput, type NodeType, type PairedItem } from '../../engine/index.ts';
import { prepareBinaryData } from '../n8n-api/binary-helpers.ts';
import { collection, param } from '../shared/params.ts';
import { resolveMongoCredential, withMongo } from './mongo-db-client.ts';
import { jsonSafe, splitBinaryFields } from './mongo-db-documents.ts';
import { isNonEmptyObject, resolveQuery, withObjectIdMatch } from './mongo-db-query.ts';
import { mongoRun, type MongoRun } from './mongo-db-run.ts';
import { insertDocuments, writeDocuments } from './mongo-db-writes.ts';
import { mongoDbProperties } from './mongo-db.description.ts';

type Documents = (i: number) => Promise<Document[]>;

/** Runs `documents` per item (only the first before 1.1), each document an output item. */
async function perItem(run: MongoRun, documents: Documents): Promise<Item[]> {
  const count = run.version >= 1.1 ? run.items.length : Math.min(run.items.length, 1);
  const output: Item[] = [];
  for (let i = 0; i < count; i++) {
    const pairedItem: PairedItem[] = run.version >= 1.1 ? [{ item: i }] : run.allItems();
    try {
      for (const json of await documents(i)) output.push({ json, pairedItem });
    } catch (error) {
      output.push({ json: run.failure(error, i), pairedItem });
    }
  }
  return output;
}

function query(run: MongoRun, i: number): unknown {
  return resolveQuery(param<unknown>(run.ctx, 'query', i, '{}'), param<unknown>(run.ctx, 'queryParameters', i, []));
}

async function find(run: MongoRun, db: Db, i: number): Promise<Document[]> {
  const options = collection(run.ctx, 'options', i);
  let cursor = db.collection(String(param(run.ctx, 'collection', i, ''))).find(withObjectIdMatch(query(run, i)) as Document);
  const sort = options.sort ? resolveQuery(options.sort, options.sortParameters ?? [], 'Sort') : undefined;
  const projection = options.projection ? resolveQuery(options.projection, options.projectionParameters ?? [], 'Projection') : undefined;
  if (Number(options.skip) > 0) cursor = cursor.skip(Number(options.skip));
  if (Number(options.limit) > 0) cursor = cursor.limit(Number(options.limit));
  if (isNonEmptyObject(sort)) cursor = cursor.sort(sort as Record<string, 1 | -1>);
  if (isNonEmptyObject(projection)) cursor = cursor.project(projection);
  return cursor.toArray();
}

function indexDefinition(run: MongoRun, i: number): Document {
  return resolveQuery(param<unknown>(run.ctx, 'indexDefinition', i, '{}'), param<unknown>(run.ctx, 'indexDefinitionParameters', i, []), 'Index Definition') as Document;
}

async function runOperation(run: MongoRun, db: Db, operation: string): Promise<Item[]> {
  const { ctx } = run;
  const target = (i: number) => db.collection(String(param(ctx, 'collection', i, '')));
  const indexName = (i: number) => String(param(ctx, 'indexNameRequired', i, ''));
  switch (operation) {
    case 'find':
      return perItem(run, (i) => find(run, db, i));
    case 'aggregate':
      return perItem(run, (i) => target(i).aggregate(withObjectIdMatch(query(run, i)) as Document[]).toArray());
    case 'delete':
      return perItem(run, async (i) => [{ deletedCount: (await target(i).deleteMany(query(run, i) as Document)).deletedCount }]);
    case 'insert':
      return insertDocuments(run, db);
    case 'update':
    case 'findOneAndUpdate':
    case 'findOneAndReplace':
      return writeDocuments(run, db, operation);
    case 'listSearchIndexes':
      return perItem(run, (i) => {
        const name = String(param(ctx, 'indexName', i, ''));
        return (name ? target(i).listSearchIndexes(name) : target(i).listSearchIndexes()).toArray();
      });
    case 'dropSearchIndex':
      return perItem(run, async (i) => {
        await target(i).dropSearchIndex(indexName(i));
        return [{ [indexName(i)]: true }];
      });
    case 'createSearchIndex':
      return perItem(run, async (i) => {
        const type = String(param(ctx, 'indexType', i, 'vectorSearch')) as 'search' | 'vectorSearch';
        await target(i).createSearchIndex({ name: indexName(i), definition: indexDefinition(run, i), type });
        return [{ indexName: indexName(i) }];
      });
    case 'updateSearchIndex':
      return perItem(run, async (i) => {
        await target(i).updateSearchIndex(indexName(i), indexDefinition(run, i));
        return [{ [indexName(i)]: true }];
      });
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported!`);
  }
}

/** Output items as n8n leaves them: JSON-safe values, and from 1.4 top-level binary fields as binary data. */
async function finish(items: Item[], version: number): Promise<Item[]> {
  return Promise.all(items.map(async (item) => {
    if (version < 1.4) return { ...item, json: jsonSafe(item.json) };
    const { json, binary } = splitBinaryFields(item.json);
    const out: Item = { ...item, json: jsonSafe(json) };
    if (Object.keys(binary).length) {
      out.binary = { ...item.binary };
      for (const [key, buffer] of Object.entries(binary)) out.binary[key] = await prepareBinaryData(buffer, key);
    }
    return out;
  }));
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const credential = await ctx.credentials.get('mongoDb');
  let resolved: { connectionString: string; database: string };
  try {
    resolved = resolveMongoCredential(credential);
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, (error as Error).message);
  }
  const run = mongoRun(ctx, resolved.connectionString);
  const resource = param(ctx, 'resource', 0, 'document');
  const operation = param(ctx, 'operation', 0, resource === 'searchIndexes' ? 'createSearchIndex' : 'find');
  try {
    const output = await withMongo(credential, run.version, (client) => runOperation(run, client.db(resolved.database || undefined), operation));
    return [await finish(output, run.version)];
  } catch (error) {
    throw run.nodeError(error);
  }
}

export const mongoDbNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.mongoDb',
    displayName: 'MongoDB',
    group: ['input'],
    version: [1, 1.1, 1.2, 1.3, 1.4, 1.5],
    description: 'Find, insert and update documents in MongoDB',
    icon: 'file:mongodb.svg',
    defaults: { name: 'MongoDB' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'mongoDb', required: true }],
    properties: mongoDbProperties,
  },
  execute,
};
