// Simple Vector Store's storage (n8n's MemoryVectorStoreManager): vector stores kept in this Weft
// process by memory key, shared by every workflow that names the key, ranked by cosine similarity.
import type { DocumentInterface } from '@langchain/core/documents';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { VectorStore } from '@langchain/core/vectorstores';
import { randomUUID } from 'node:crypto';
import { metadataMatches } from './vector-metadata.ts';

interface StoredVector {
  id: string;
  content: string;
  embedding: number[];
  metadata: Record<string, unknown>;
}

type Filter = Record<string, unknown> | ((doc: DocumentInterface) => boolean);

export class WeftMemoryVectorStore extends VectorStore {
  declare FilterType: Filter;
  memoryVectors: StoredVector[] = [];

  _vectorstoreType(): string {
    return 'memory';
  }

  async addDocuments(documents: DocumentInterface[], options?: { ids?: string[] }): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.addVectors(vectors, documents, options);
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[], options?: { ids?: string[] }): Promise<string[]> {
    const ids = documents.map((doc, i) => options?.ids?.[i] ?? doc.id ?? randomUUID());
    documents.forEach((doc, i) => {
      const entry = { id: ids[i], content: doc.pageContent, embedding: vectors[i], metadata: { ...doc.metadata } };
      const existing = this.memoryVectors.findIndex((v) => v.id === entry.id);
      if (existing >= 0) this.memoryVectors[existing] = entry;
      else this.memoryVectors.push(entry);
    });
    return ids;
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: Filter): Promise<[DocumentInterface, number][]> {
    const scored: [DocumentInterface, number][] = [];
    for (const vector of this.memoryVectors) {
      const doc = new Document({ pageContent: vector.content, metadata: vector.metadata, id: vector.id });
      const keep = typeof filter === 'function' ? filter(doc) : metadataMatches(vector.metadata, filter);
      if (keep) scored.push([doc, cosineSimilarity(query, vector.embedding)]);
    }
    return scored.sort((a, b) => b[1] - a[1]).slice(0, k);
  }

  override async delete(params: { ids?: string[] } = {}): Promise<void> {
    this.memoryVectors = params.ids ? this.memoryVectors.filter((v) => !params.ids?.includes(v.id)) : [];
  }
}

export function cosineSimilarity(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  return normA === 0 || normB === 0 ? 0 : dot / (Math.sqrt(normA) * Math.sqrt(normB));
}

/** The process-wide stores by memory key; each use hands over the embeddings the node is wired to. */
export class MemoryVectorStores {
  readonly #stores = new Map<string, WeftMemoryVectorStore>();

  get(key: string, embeddings: EmbeddingsInterface): WeftMemoryVectorStore {
    let store = this.#stores.get(key);
    if (!store) this.#stores.set(key, (store = new WeftMemoryVectorStore(embeddings, {})));
    store.embeddings = embeddings;
    return store;
  }

  async addDocuments(key: string, embeddings: EmbeddingsInterface, documents: DocumentInterface[], clearStore: boolean): Promise<void> {
    const store = this.get(key, embeddings);
    if (clearStore) store.memoryVectors = [];
    await store.addDocuments(documents);
  }

  keys(): string[] {
    return [...this.#stores.keys()];
  }
}

/** Shared by every Simple Vector Store node of this process, as n8n's singleton is. */
export const processMemoryVectorStores = new MemoryVectorStores();
