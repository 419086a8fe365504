// n8n's Ollama Chat Model sub-node (@n8n/n8n-nodes-langchain.lmChatOllama): a ChatOllama on the
// ollamaApi credential's server, every option passed under ChatOllama's own name.
import type { ExecuteContext, LoadedOption, NodeType } from '../../engine/index.ts';
import { getProviderJson } from '../ai-shared/chat-model-http.ts';
import { checkBaseUrl, modelId, optionsOf } from '../ai-shared/chat-model-params.ts';
import { ollamaConnection, ollamaModel, ollamaOptions } from './ollama-description.ts';

/** The models pulled on the server (GET /api/tags), for the dropdown. */
export async function ollamaModels(ctx: ExecuteContext): Promise<LoadedOption[]> {
  const { baseUrl, headers } = ollamaConnection(await ctx.credentials.get('ollamaApi'));
  const answer = await getProviderJson({ url: `${baseUrl}/api/tags`, headers: headers ?? {}, timeoutMs: 15_000, blockPrivateNetworks: ctx.blockPrivateNetworks, signal: ctx.signal });
  const models = (Array.isArray(answer.models) ? answer.models : []) as Array<{ name: string }>;
  return models.map((m) => m.name).sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name }));
}

export const lmChatOllama: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.lmChatOllama', displayName: 'Ollama Chat Model', icon: 'fa:robot', group: ['transform'], version: [1],
    description: 'Language Model Ollama', defaults: { name: 'Ollama Chat Model' },
    inputs: [], outputs: ['ai_languageModel'], outputNames: ['Model'], credentials: [{ name: 'ollamaApi', required: true }],
    properties: [ollamaModel, ollamaOptions],
  },
  methods: { loadOptions: { models: ollamaModels } },
  async supplyData(ctx, itemIndex) {
    // Client libraries load on first use, not with the node registry.
    const [{ ChatOllama }, { tracedModel }] = await Promise.all([import('@langchain/ollama'), import('../ai-shared/model-tracing.ts')]);
    const connection = ollamaConnection(await ctx.credentials.get('ollamaApi'));
    const model = modelId(ctx.getNodeParameter('model', itemIndex));
    const { format, ...options } = optionsOf(ctx, itemIndex);
    const chat = new ChatOllama({
      ...options,
      ...connection,
      baseUrl: checkBaseUrl(ctx, connection.baseUrl),
      model,
      ...(format && format !== 'default' ? { format: String(format) } : {}),
      ...tracedModel(ctx, { model }),
    });
    return { response: chat };
  },
};
