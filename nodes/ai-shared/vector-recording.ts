// Records each use a root makes of a vector store, retriever or text splitter as a run of the
// sub-node, with the input and output n8n's logWrapper shows for them.
import type { DocumentInterface } from '@langchain/core/documents';
import type { JsonObject, SubNodeCall, SupplyDataContext } from '../../engine/index.ts';

/** Documents as plain JSON, the way run data holds them. */
export function documentsJson(documents: DocumentInterface[]): JsonObject[] {
  return documents.map((d) => ({ pageContent: d.pageContent, metadata: JSON.parse(JSON.stringify(d.metadata ?? {})) as JsonObject, ...(d.id ? { id: d.id } : {}) }));
}

/** Runs `fn` as one recorded use of the sub-node: its output (or error) ends the call. */
export async function recorded<T>(ctx: SupplyDataContext, connectionType: string, input: JsonObject, fn: () => Promise<T>, output: (result: T) => JsonObject): Promise<T> {
  const call: SubNodeCall = ctx.startCall(connectionType, input);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await call.fail(error);
    throw error;
  }
  await call.end(output(result));
  return result;
}

/**
 * Wraps `target` so the named method is recorded; every other property, and `this` inside the
 * object's own methods, go through the wrapper, so internal calls to the method are seen too.
 */
function recordMethod<T extends object>(target: T, method: string, record: (original: (...args: unknown[]) => Promise<unknown>, args: unknown[]) => Promise<unknown>): T {
  return new Proxy(target, {
    get(object, prop, receiver) {
      const value = Reflect.get(object, prop, receiver) as unknown;
      if (prop !== method || typeof value !== 'function') return value;
      return (...args: unknown[]) => record((...callArgs) => Reflect.apply(value, receiver, callArgs) as Promise<unknown>, args);
    },
  });
}

/** n8n: ai_textSplitter `{ textSplitter: text }` → `{ response: chunks }`, per text split. */
export function recordTextSplitter<T extends object>(splitter: T, ctx: SupplyDataContext): T {
  return recordMethod(splitter, 'splitText', (original, args) =>
    recorded(ctx, 'ai_textSplitter', { textSplitter: String(args[0]) }, () => original(...args), (chunks) => ({ response: chunks as string[] })));
}

/** n8n: ai_vectorStore `{ query, k, filter }` → `{ response: documents }`, per similarity search. */
export function recordVectorStore<T extends object>(store: T, ctx: SupplyDataContext): T {
  return recordMethod(store, 'similaritySearch', (original, args) => {
    const [query, k, filter] = args;
    const input: JsonObject = { query: query as string, ...(k !== undefined ? { k: k as number } : {}), ...(filter !== undefined ? { filter: filter as JsonObject } : {}) };
    return recorded(ctx, 'ai_vectorStore', input, () => original(...args), (docs) => ({ response: documentsJson(docs as DocumentInterface[]) }));
  });
}

/** n8n: ai_retriever `{ query }` → `{ response: documents }`, per retrieval. */
export function recordRetriever<T extends object>(retriever: T, ctx: SupplyDataContext): T {
  return recordMethod(retriever, '_getRelevantDocuments', (original, args) =>
    recorded(ctx, 'ai_retriever', { query: String(args[0]) }, () => original(...args), (docs) => ({ response: documentsJson(docs as DocumentInterface[]) })));
}
