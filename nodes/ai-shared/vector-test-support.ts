// Test support for the vector store nodes: a deterministic Embeddings (words hashed into a small
// vector, so texts sharing words lie close), an embeddings sub-node recording each call as n8n's
// embeddings nodes do, a minimal root that calls a connected tool, and a runner on the real engine.
import { Embeddings } from '@langchain/core/embeddings';
import type { BaseRetrieverInterface } from '@langchain/core/retrievers';
import type { StructuredToolInterface } from '@langchain/core/tools';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { createExpressionEvaluator, createMemoryRecorder, executeWorkflow, type Item, type NodeType, type RunResult } from '../../engine/index.ts';
import { getNodeType, loadNodeTypes } from '../index.ts';
import { recorded } from './vector-recording.ts';

const DIMENSIONS = 32;

function hashWord(word: string): number {
  let hash = 2166136261;
  for (const char of word) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return Math.abs(hash) % DIMENSIONS;
}

/** Bag of words, hashed and normalised: texts sharing more words have a higher cosine similarity. */
export class HashedWordEmbeddings extends Embeddings {
  constructor() {
    super({});
  }

  static vector(text: string): number[] {
    const vector = new Array<number>(DIMENSIONS).fill(0);
    for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) vector[hashWord(word)] += 1;
    const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0)) || 1;
    return vector.map((v) => v / norm);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => HashedWordEmbeddings.vector(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return HashedWordEmbeddings.vector(text);
  }
}

export const TEST_EMBEDDINGS = 'test.hashedEmbeddings';
export const TEST_TOOL_ROOT = 'test.toolRoot';
export const TEST_RETRIEVER_ROOT = 'test.retrieverRoot';

const base = { group: ['transform'], version: [1], description: '', properties: [] };

/** Records embedDocuments/embedQuery as n8n's logWrapper does: `{ documents }` / `{ query }` → `{ response }`. */
const embeddingsNode: NodeType = {
  description: { ...base, name: TEST_EMBEDDINGS, displayName: 'Embeddings', defaults: { name: 'Embeddings' }, inputs: [], outputs: ['ai_embedding'] },
  async supplyData(ctx) {
    const inner = new HashedWordEmbeddings();
    const traced = new (class extends Embeddings {
      async embedDocuments(documents: string[]) {
        return recorded(ctx, 'ai_embedding', { documents }, () => inner.embedDocuments(documents), (response) => ({ response }));
      }
      async embedQuery(query: string) {
        return recorded(ctx, 'ai_embedding', { query }, () => inner.embedQuery(query), (response) => ({ response }));
      }
    })({});
    return { response: traced };
  },
};

/** A root that calls each connected tool with `$json.args` and outputs what the tools answered. */
const toolRoot: NodeType = {
  description: { ...base, name: TEST_TOOL_ROOT, displayName: 'Tool Root', defaults: { name: 'Tool Root' }, inputs: ['main'], outputs: ['main'], subNodeInputs: [{ type: 'ai_tool', displayName: 'Tool' }] },
  async execute(ctx) {
    const out: Item[] = [];
    for (const [i, item] of ctx.getInputData().entries()) {
      const tools = (await ctx.getInputConnectionData('ai_tool', i)) as StructuredToolInterface[];
      for (const tool of tools) {
        const answer = await tool.invoke(item.json.args as Record<string, unknown>);
        out.push({ json: { tool: tool.name, description: tool.description, answer: answer as never } });
      }
    }
    return [out];
  },
};

/** A root that asks the connected retriever for `$json.query` and outputs the documents. */
const retrieverRoot: NodeType = {
  description: { ...base, name: TEST_RETRIEVER_ROOT, displayName: 'Retriever Root', defaults: { name: 'Retriever Root' }, inputs: ['main'], outputs: ['main'], subNodeInputs: [{ type: 'ai_retriever', displayName: 'Retriever', required: true, maxConnections: 1 }] },
  async execute(ctx) {
    const out: Item[] = [];
    for (const [i, item] of ctx.getInputData().entries()) {
      const retriever = (await ctx.getInputConnectionData('ai_retriever', i)) as BaseRetrieverInterface;
      const docs = await retriever.invoke(String(item.json.query));
      out.push({ json: { documents: docs.map((d) => d.pageContent) } });
    }
    return [out];
  },
};

const testTypes: Record<string, NodeType> = { [TEST_EMBEDDINGS]: embeddingsNode, [TEST_TOOL_ROOT]: toolRoot, [TEST_RETRIEVER_ROOT]: retrieverRoot };

export interface TestNode {
  name: string;
  type: string;
  typeVersion?: number;
  parameters?: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
}

/** Runs a workflow (Start's output pinned to `items`) on the real engine with the registry's node types. */
export async function runVectorWorkflow(
  nodes: TestNode[], connections: Record<string, unknown>, options: { items?: Item[]; credentials?: Record<string, Record<string, unknown>>; workflowId?: string } = {},
): Promise<RunResult> {
  const definition = parseWorkflowDefinition({
    name: 'vector store test',
    nodes: [{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }, ...nodes].map((n, i) => ({ id: `n${i}`, typeVersion: 1, parameters: {}, position: [i * 200, 0], ...n })),
    connections,
  });
  const evaluator = createExpressionEvaluator();
  try {
    await loadNodeTypes(definition.nodes.filter((n) => !testTypes[n.type]));
    return await executeWorkflow({
      definition, workflowId: options.workflowId ?? 'wf-vector', executionId: `exec-${Math.random().toString(36).slice(2)}`, mode: 'manual',
      nodeTypes: (type, version) => testTypes[type] ?? getNodeType(type, version), evaluator, timezone: 'UTC',
      pinData: { Start: options.items ?? [{ json: {} }] },
      credentials: async (_node, type) => {
        const data = options.credentials?.[type];
        if (!data) throw new Error(`No credential of type '${type}' in this test`);
        return data;
      },
      recorder: createMemoryRecorder(),
      runCode: async () => { throw new Error('No code in these tests'); },
    });
  } finally {
    evaluator.dispose();
  }
}

/** Connection of a sub-node's output into a node's input of that type. */
export const into = (node: string, type: string) => ({ [type]: [[{ node, type, index: 0 }]] });
export const mainTo = (node: string) => ({ main: [[{ node, type: 'main', index: 0 }]] });
