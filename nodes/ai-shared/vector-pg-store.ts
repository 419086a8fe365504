// The PGVector store (what n8n's Postgres PGVector Store does through LangChain's PGVectorStore):
// documents in a table of id/text/metadata/embedding columns, ranked by pgvector's distance
// operators, optionally grouped in named collections. Queries go through a pool shared per credential.
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { VectorStore } from '@langchain/core/vectorstores';
import pg from 'pg';
import { pgConfig } from '../shared/pg-config.ts';
import { credentialKey, sharedClients } from '../shared/shared-clients.ts';

export type DistanceStrategy = 'cosine' | 'innerProduct' | 'euclidean';

export interface PgVectorColumns {
  idColumnName: string;
  vectorColumnName: string;
  contentColumnName: string;
  metadataColumnName: string;
}

export interface PgVectorOptions {
  credentials: Record<string, unknown>;
  tableName: string;
  columns?: Partial<PgVectorColumns>;
  distanceStrategy?: DistanceStrategy;
  collection?: { name: string; tableName: string };
  /** Run `CREATE EXTENSION IF NOT EXISTS vector` first (n8n's "Create Extension"). */
  createExtension?: boolean;
  /** Filter applied to every search (retrieve mode), merged with the one a search passes. */
  filter?: Record<string, unknown>;
}

export const DEFAULT_COLUMNS: PgVectorColumns = { idColumnName: 'id', vectorColumnName: 'embedding', contentColumnName: 'text', metadataColumnName: 'metadata' };

const OPERATORS: Record<DistanceStrategy, string> = { cosine: '<=>', innerProduct: '<#>', euclidean: '<->' };
// One key for every run: concurrent first uses of a fresh database must not race to create the extension.
const EXTENSION_LOCK = 979021312;

const pools = sharedClients<pg.Pool>((pool) => pool.end());

/** "schema"."table" or "table", each part quoted so a name is never read as SQL. */
export function quoteIdentifier(name: string): string {
  return name.split('.').map((part) => `"${part.replace(/"/g, '""')}"`).join('.');
}

const vectorLiteral = (vector: number[]) => `[${vector.map((n) => (Number.isFinite(n) ? n : 0)).join(',')}]`;

export class PgVectorStore extends VectorStore {
  declare FilterType: Record<string, unknown>;
  readonly options: PgVectorOptions;
  readonly columns: PgVectorColumns;
  // No #private members: recordVectorStore wraps the store in a Proxy, which they would not pass.
  private readyPromise?: Promise<void>;

  constructor(embeddings: EmbeddingsInterface, options: PgVectorOptions) {
    super(embeddings, {});
    this.options = options;
    this.columns = { ...DEFAULT_COLUMNS, ...Object.fromEntries(Object.entries(options.columns ?? {}).filter(([, v]) => v)) };
  }

  _vectorstoreType(): string {
    return 'pgvector';
  }

  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    const config = pgConfig(this.options.credentials);
    const open = async () => {
      const pool = new pg.Pool({ ...config, max: 5, idleTimeoutMillis: 30_000 });
      pool.on('error', () => {}); // an idle client dropped by the server: the pool replaces it
      return pool;
    };
    return pools.use(credentialKey(this.options.credentials), open, (pool) => pool.query<R>(sql, params));
  }

  /** Creates the extension (when asked), the table and the collection table, once per store. */
  ensureTables(): Promise<void> {
    this.readyPromise ??= this.createTables().catch((error: unknown) => {
      this.readyPromise = undefined;
      throw explain(error);
    });
    return this.readyPromise;
  }

  private async createTables(): Promise<void> {
    if (this.options.createExtension) {
      await this.query(`SELECT pg_advisory_lock(${EXTENSION_LOCK}); CREATE EXTENSION IF NOT EXISTS vector; SELECT pg_advisory_unlock(${EXTENSION_LOCK});`);
    }
    const c = this.columns;
    const table = quoteIdentifier(this.options.tableName);
    await this.query(`CREATE TABLE IF NOT EXISTS ${table} (
      ${quoteIdentifier(c.idColumnName)} uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${quoteIdentifier(c.contentColumnName)} text,
      ${quoteIdentifier(c.metadataColumnName)} jsonb,
      ${quoteIdentifier(c.vectorColumnName)} vector)`);
    const collection = this.options.collection;
    if (collection) {
      const collections = quoteIdentifier(collection.tableName);
      await this.query(`CREATE TABLE IF NOT EXISTS ${collections} (uuid uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, name character varying, cmetadata jsonb)`);
      await this.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS collection_id uuid REFERENCES ${collections}(uuid) ON DELETE CASCADE`);
    }
  }

  private async collectionId(): Promise<string | undefined> {
    const collection = this.options.collection;
    if (!collection) return undefined;
    // Select first: a collection table LangChain made has no unique name to upsert on.
    const table = quoteIdentifier(collection.tableName);
    const found = await this.query<{ uuid: string }>(`SELECT uuid FROM ${table} WHERE name = $1 LIMIT 1`, [collection.name]);
    if (found.rows[0]) return found.rows[0].uuid;
    const inserted = await this.query<{ uuid: string }>(`INSERT INTO ${table} (name, cmetadata) VALUES ($1, '{}'::jsonb) RETURNING uuid`, [collection.name]);
    return inserted.rows[0].uuid;
  }

  async addDocuments(documents: DocumentInterface[], options?: { ids?: string[] }): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.addVectors(vectors, documents, options);
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[], options?: { ids?: string[] }): Promise<string[]> {
    await this.ensureTables();
    const collectionId = await this.collectionId();
    const c = this.columns;
    const columns = [c.contentColumnName, c.metadataColumnName, c.vectorColumnName, ...(collectionId ? ['collection_id'] : []), c.idColumnName].map(quoteIdentifier);
    const ids: string[] = [];
    for (const [i, doc] of documents.entries()) {
      const id = options?.ids?.[i] ?? doc.id;
      const values: unknown[] = [doc.pageContent.replace(/\0/g, ''), JSON.stringify(doc.metadata ?? {}), vectorLiteral(vectors[i]), ...(collectionId ? [collectionId] : [])];
      const placeholders = ['$1', '$2::jsonb', '$3::vector', ...(collectionId ? ['$4::uuid'] : [])];
      const idValue = id ? `$${values.push(id)}::uuid` : 'DEFAULT';
      const updates = columns.slice(0, -1).map((col) => `${col} = EXCLUDED.${col}`).join(', ');
      const result = await this.query<{ id: string }>(
        `INSERT INTO ${quoteIdentifier(this.options.tableName)} (${columns.join(', ')}) VALUES (${[...placeholders, idValue].join(', ')})
         ON CONFLICT (${quoteIdentifier(c.idColumnName)}) DO UPDATE SET ${updates} RETURNING ${quoteIdentifier(c.idColumnName)} AS id`, values);
      ids.push(String(result.rows[0].id));
    }
    return ids;
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: Record<string, unknown>): Promise<[DocumentInterface, number][]> {
    await this.ensureTables();
    const c = this.columns;
    const operator = OPERATORS[this.options.distanceStrategy ?? 'cosine'] ?? OPERATORS.cosine;
    const params: unknown[] = [vectorLiteral(query)];
    const where: string[] = [];
    const merged = { ...this.options.filter, ...filter };
    for (const [key, value] of Object.entries(merged)) {
      if (value !== null && typeof value === 'object') where.push(`${quoteIdentifier(c.metadataColumnName)} @> $${params.push(JSON.stringify({ [key]: value }))}::jsonb`);
      else where.push(`${quoteIdentifier(c.metadataColumnName)}->>$${params.push(key)} = $${params.push(String(value))}`);
    }
    const collectionId = await this.collectionId();
    if (collectionId) where.push(`collection_id = $${params.push(collectionId)}::uuid`);
    const result = await this.query<Record<string, unknown>>(
      `SELECT ${quoteIdentifier(c.idColumnName)} AS id, ${quoteIdentifier(c.contentColumnName)} AS text, ${quoteIdentifier(c.metadataColumnName)} AS metadata,
         ${quoteIdentifier(c.vectorColumnName)} ${operator} $1::vector AS _distance
       FROM ${quoteIdentifier(this.options.tableName)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY _distance ASC LIMIT $${params.push(Math.max(0, Math.floor(k)))}`, params).catch((error: unknown) => { throw explain(error); });
    return result.rows.map((row) => [
      new Document({ pageContent: String(row.text ?? ''), metadata: (row.metadata ?? {}) as Record<string, unknown>, id: String(row.id) }),
      Number(row._distance),
    ]);
  }

  override async delete(params: { ids?: string[] }): Promise<void> {
    if (!params.ids?.length) return;
    await this.query(`DELETE FROM ${quoteIdentifier(this.options.tableName)} WHERE ${quoteIdentifier(this.columns.idColumnName)} = ANY($1::uuid[])`, [params.ids]);
  }
}

/** A missing pgvector extension reads better with the way out named. */
function explain(error: unknown): unknown {
  const message = (error as Error)?.message ?? '';
  if (/type "vector" does not exist/.test(message)) {
    return Object.assign(new Error(`${message}: the pgvector extension is not enabled in this database. Turn on "Create Extension" or run CREATE EXTENSION vector`), { cause: error });
  }
  return error;
}
