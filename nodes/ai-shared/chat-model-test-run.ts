// Test support for the model sub-nodes: runs Start → a minimal root node with one sub-node wired in,
// on the real engine and registry. The root asks its model (or embeddings) for each item's `prompt`
// (or `texts`), so tests see both what the provider received and what the run recorded.
import { parseWorkflowDefinition } from '../../domain/index.ts';
import type { NodeType, RunResult } from '../../engine/index.ts';
import { getNodeType } from '../index.ts';
import { createFixtureEngine } from '../testing/fixture-engine.ts';

const CHAT_ROOT = 'test.modelRoot';
const EMBED_ROOT = 'test.embeddingsRoot';
const base = { group: ['transform'], version: [1], description: '', inputs: ['main'], outputs: ['main'], properties: [] };

const chatRoot: NodeType = {
  description: { ...base, name: CHAT_ROOT, displayName: 'Model Root', defaults: { name: 'Root' }, subNodeInputs: [{ type: 'ai_languageModel', displayName: 'Chat Model', required: true, maxConnections: 1 }] },
  async execute(ctx) {
    const out = [];
    for (const [i, item] of ctx.getInputData().entries()) {
      const model = (await ctx.getInputConnectionData('ai_languageModel', i)) as { invoke(input: string): Promise<{ content: unknown }> };
      const answer = await model.invoke(String(item.json.prompt));
      out.push({ json: { text: typeof answer.content === 'string' ? answer.content : JSON.stringify(answer.content) } });
    }
    return [out];
  },
};

const embeddingsRoot: NodeType = {
  description: { ...base, name: EMBED_ROOT, displayName: 'Embeddings Root', defaults: { name: 'Root' }, subNodeInputs: [{ type: 'ai_embedding', displayName: 'Embedding', required: true, maxConnections: 1 }] },
  async execute(ctx) {
    const out = [];
    for (const [i, item] of ctx.getInputData().entries()) {
      const embeddings = (await ctx.getInputConnectionData('ai_embedding', i)) as { embedQuery(t: string): Promise<number[]>; embedDocuments(t: string[]): Promise<number[][]> };
      const documents = await embeddings.embedDocuments(item.json.texts as string[]);
      const query = await embeddings.embedQuery(String(item.json.query));
      out.push({ json: { documents: documents.map((d) => d.length), query: query.length } });
    }
    return [out];
  },
};

export interface SubNodeUnderTest {
  name: string;
  type: string;
  typeVersion: number;
  parameters: Record<string, unknown>;
  credentialType?: string;
}

/** Runs Start (items pinned) → Root, with `subNode` wired into the root's model or embedding input. */
export async function runWithSubNode(subNode: SubNodeUnderTest, options: { items: Array<Record<string, unknown>>; credentials?: Record<string, Record<string, unknown>>; embeddings?: boolean }): Promise<RunResult> {
  const connectionType = options.embeddings ? 'ai_embedding' : 'ai_languageModel';
  const definition = parseWorkflowDefinition({
    name: 'model sub-node test',
    nodes: [
      { id: 'n0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, position: [0, 0] },
      { id: 'n1', name: 'Root', type: options.embeddings ? EMBED_ROOT : CHAT_ROOT, typeVersion: 1, parameters: {}, position: [200, 0] },
      {
        id: 'n2', name: subNode.name, type: subNode.type, typeVersion: subNode.typeVersion, parameters: subNode.parameters, position: [200, 200],
        ...(subNode.credentialType ? { credentials: { [subNode.credentialType]: { id: 'c1', name: 'test credential' } } } : {}),
      },
    ],
    connections: {
      Start: { main: [[{ node: 'Root', type: 'main', index: 0 }]] },
      [subNode.name]: { [connectionType]: [[{ node: 'Root', type: connectionType, index: 0 }]] },
    },
  });
  // The fixture engine runs it as node fixtures run (real evaluator and sandbox, the fold checked).
  const engine = createFixtureEngine();
  const roots: Record<string, NodeType> = { [CHAT_ROOT]: chatRoot, [EMBED_ROOT]: embeddingsRoot };
  try {
    return await engine.run({
      name: definition.name, file: 'chat-model-test-run', workflow: definition,
      pinData: { Start: options.items.map((json) => ({ json })) },
      credentials: options.credentials ?? {},
    }, (type, version) => roots[type] ?? getNodeType(type, version));
  } finally {
    engine.dispose();
  }
}
