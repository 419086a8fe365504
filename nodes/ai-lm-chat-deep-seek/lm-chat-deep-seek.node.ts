// n8n's DeepSeek Chat Model sub-node (@n8n/n8n-nodes-langchain.lmChatDeepSeek): DeepSeek speaks
// OpenAI's Chat Completions API, so its root gets a ChatOpenAI at the deepSeekApi credential's URL.
import type { NodeType } from '../../engine/index.ts';
import { compatibleFields, compatibleOptions, JSON_PROMPT_NOTICE, modelListLoader } from '../ai-shared/chat-model-openai-compatible.ts';
import { checkBaseUrl, modelId, optionsOf } from '../ai-shared/chat-model-params.ts';

export const lmChatDeepSeek: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.lmChatDeepSeek', displayName: 'DeepSeek Chat Model', icon: 'fa:robot', group: ['transform'], version: [1],
    description: 'For advanced usage with an AI chain', defaults: { name: 'DeepSeek Chat Model' },
    inputs: [], outputs: ['ai_languageModel'], outputNames: ['Model'], credentials: [{ name: 'deepSeekApi', required: true }],
    properties: [
      JSON_PROMPT_NOTICE,
      { displayName: 'Model', name: 'model', type: 'options', default: 'deepseek-chat', description: 'The model that writes the answer', typeOptions: { loadOptionsMethod: 'models' } },
      compatibleOptions({ timeout: 360000 }),
    ],
  },
  methods: { loadOptions: { models: modelListLoader('deepSeekApi', (c) => String(c.url || 'https://api.deepseek.com')) } },
  async supplyData(ctx, itemIndex) {
    // Client libraries load on first use, not with the node registry.
    const [{ ChatOpenAI }, { tracedModel }] = await Promise.all([import('@langchain/openai'), import('../ai-shared/model-tracing.ts')]);
    const credentials = await ctx.credentials.get('deepSeekApi');
    const model = modelId(ctx.getNodeParameter('model', itemIndex));
    const options = optionsOf(ctx, itemIndex);
    const baseURL = checkBaseUrl(ctx, String(credentials.url || 'https://api.deepseek.com'));
    const chat = new ChatOpenAI({
      apiKey: String(credentials.apiKey ?? ''), model, ...compatibleFields({ timeout: 60000, ...options }),
      configuration: { baseURL }, ...tracedModel(ctx, { model }),
    });
    return { response: chat };
  },
};
