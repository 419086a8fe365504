// n8n's Embeddings Ollama sub-node (@n8n/n8n-nodes-langchain.embeddingsOllama): OllamaEmbeddings on
// the ollamaApi credential's server, each use recorded as a run of this node.
import type { NodeType } from '../../engine/index.ts';
import { checkBaseUrl, modelId } from '../ai-shared/chat-model-params.ts';
import { ollamaModels } from '../ai-lm-chat-ollama/lm-chat-ollama.node.ts';
import { ollamaConnection, ollamaModel } from '../ai-lm-chat-ollama/ollama-description.ts';

export const embeddingsOllama: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.embeddingsOllama', displayName: 'Embeddings Ollama', icon: 'fa:vector-square', group: ['transform'], version: [1],
    description: 'Use Ollama Embeddings', defaults: { name: 'Embeddings Ollama' },
    inputs: [], outputs: ['ai_embedding'], outputNames: ['Embeddings'], credentials: [{ name: 'ollamaApi', required: true }],
    properties: [ollamaModel],
  },
  methods: { loadOptions: { models: ollamaModels } },
  async supplyData(ctx, itemIndex) {
    // Client libraries load on first use, not with the node registry.
    const [{ OllamaEmbeddings }, { TracedEmbeddings }] = await Promise.all([import('@langchain/ollama'), import('../ai-shared/chat-model-embeddings-tracing.ts')]);
    const connection = ollamaConnection(await ctx.credentials.get('ollamaApi'));
    const embeddings = new OllamaEmbeddings({ ...connection, baseUrl: checkBaseUrl(ctx, connection.baseUrl), model: modelId(ctx.getNodeParameter('model', itemIndex)) });
    return { response: new TracedEmbeddings(embeddings, ctx) };
  },
};
