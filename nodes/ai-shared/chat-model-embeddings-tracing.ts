// Embeddings that record each use as a run of their sub-node, as n8n's logWrapper does for the
// embeddings nodes: a query with its vector, a batch of documents with how many vectors came back.
import { Embeddings } from '@langchain/core/embeddings';
import type { SupplyDataContext } from '../../engine/index.ts';

export class TracedEmbeddings extends Embeddings {
  constructor(private readonly inner: Embeddings, private readonly ctx: SupplyDataContext) {
    super({});
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    const call = this.ctx.startCall('ai_embedding', { documents: documents.length });
    try {
      const vectors = await this.inner.embedDocuments(documents);
      await call.end({ response: vectors.length });
      return vectors;
    } catch (error) {
      await call.fail(error);
      throw error;
    }
  }

  override async embedQuery(query: string): Promise<number[]> {
    const call = this.ctx.startCall('ai_embedding', { query });
    try {
      const vector = await this.inner.embedQuery(query);
      await call.end({ response: vector });
      return vector;
    } catch (error) {
      await call.fail(error);
      throw error;
    }
  }
}
