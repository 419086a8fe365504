// n8n's Mistral Cloud Chat Model sub-node (@n8n/n8n-nodes-langchain.lmChatMistralCloud): a
// ChatMistralAI with the mistralCloudApi key, at Mistral's fixed address (WEFT_MISTRAL_API_URL moves it).
import type { NodeType } from '../../engine/index.ts';
import { modelListLoader } from '../ai-shared/chat-model-openai-compatible.ts';
import { checkBaseUrl, defined, modelId, optionsOf, setNumber } from '../ai-shared/chat-model-params.ts';
import { serviceUrl } from '../shared/service-url.ts';

const mistralUrl = () => serviceUrl('mistral', 'https://api.mistral.ai');

export const lmChatMistralCloud: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.lmChatMistralCloud', displayName: 'Mistral Cloud Chat Model', icon: 'fa:robot', group: ['transform'], version: [1],
    description: 'For advanced usage with an AI chain', defaults: { name: 'Mistral Cloud Chat Model' },
    inputs: [], outputs: ['ai_languageModel'], outputNames: ['Model'], credentials: [{ name: 'mistralCloudApi', required: true }],
    properties: [
      { displayName: 'Model', name: 'model', type: 'options', default: 'mistral-small', description: 'The model that writes the answer', typeOptions: { loadOptionsMethod: 'models' } },
      {
        displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', description: 'Additional options to add',
        options: [
          { displayName: 'Maximum Number of Tokens', name: 'maxTokens', type: 'number', default: -1, typeOptions: { maxValue: 32768 } },
          { displayName: 'Sampling Temperature', name: 'temperature', type: 'number', default: 0.7, typeOptions: { maxValue: 1, minValue: 0, numberPrecision: 1 } },
          { displayName: 'Max Retries', name: 'maxRetries', type: 'number', default: 2 },
          { displayName: 'Top P', name: 'topP', type: 'number', default: 1, typeOptions: { maxValue: 1, minValue: 0, numberPrecision: 1 } },
          { displayName: 'Enable Safe Mode', name: 'safeMode', type: 'boolean', default: false, description: 'Whether Mistral puts its safety prompt before the conversation' },
          { displayName: 'Random Seed', name: 'randomSeed', type: 'number', default: null },
        ],
      },
    ],
  },
  methods: { loadOptions: { models: modelListLoader('mistralCloudApi', () => `${mistralUrl()}/v1`, (m) => !String(m.id).includes('embed')) } },
  async supplyData(ctx, itemIndex) {
    // Client libraries load on first use, not with the node registry.
    const [{ ChatMistralAI }, { tracedModel }] = await Promise.all([import('@langchain/mistralai'), import('../ai-shared/model-tracing.ts')]);
    const credentials = await ctx.credentials.get('mistralCloudApi');
    const model = modelId(ctx.getNodeParameter('model', itemIndex));
    const options = optionsOf(ctx, itemIndex);
    const chat = new ChatMistralAI({
      apiKey: String(credentials.apiKey ?? ''),
      model,
      serverURL: checkBaseUrl(ctx, mistralUrl()),
      ...defined({ maxTokens: setNumber(options.maxTokens), temperature: setNumber(options.temperature), topP: setNumber(options.topP), randomSeed: setNumber(options.randomSeed) }),
      maxRetries: typeof options.maxRetries === 'number' ? options.maxRetries : 2,
      ...(options.safeMode === true ? { safePrompt: true } : {}),
      ...tracedModel(ctx, { model }),
    });
    return { response: chat };
  },
};
