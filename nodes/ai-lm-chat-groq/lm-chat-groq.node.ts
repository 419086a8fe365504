// n8n's Groq Chat Model sub-node (@n8n/n8n-nodes-langchain.lmChatGroq): a ChatGroq with the groqApi
// key, at Groq's fixed address (WEFT_GROQ_API_URL moves it).
import type { NodeType } from '../../engine/index.ts';
import { modelListLoader } from '../ai-shared/chat-model-openai-compatible.ts';
import { checkBaseUrl, defined, modelId, optionsOf, setNumber } from '../ai-shared/chat-model-params.ts';
import { serviceUrl } from '../shared/service-url.ts';

const groqUrl = () => serviceUrl('groq', 'https://api.groq.com');

export const lmChatGroq: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.lmChatGroq', displayName: 'Groq Chat Model', icon: 'fa:robot', group: ['transform'], version: [1],
    description: 'Language Model Groq', defaults: { name: 'Groq Chat Model' },
    inputs: [], outputs: ['ai_languageModel'], outputNames: ['Model'], credentials: [{ name: 'groqApi', required: true }],
    properties: [
      { displayName: 'Model', name: 'model', type: 'options', default: 'llama3-8b-8192', description: 'The model that writes the answer', typeOptions: { loadOptionsMethod: 'models' } },
      {
        displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', description: 'Additional options to add',
        options: [
          { displayName: 'Maximum Number of Tokens', name: 'maxTokensToSample', type: 'number', default: 4096 },
          { displayName: 'Sampling Temperature', name: 'temperature', type: 'number', default: 0.7, typeOptions: { maxValue: 1, minValue: 0, numberPrecision: 1 } },
        ],
      },
    ],
  },
  methods: { loadOptions: { models: modelListLoader('groqApi', () => `${groqUrl()}/openai/v1`, (m) => m.active === true && m.object === 'model') } },
  async supplyData(ctx, itemIndex) {
    // Client libraries load on first use, not with the node registry.
    const [{ ChatGroq }, { tracedModel }] = await Promise.all([import('@langchain/groq'), import('../ai-shared/model-tracing.ts')]);
    const credentials = await ctx.credentials.get('groqApi');
    const model = modelId(ctx.getNodeParameter('model', itemIndex));
    const options = optionsOf(ctx, itemIndex);
    const chat = new ChatGroq({
      apiKey: String(credentials.apiKey ?? ''),
      model,
      baseUrl: checkBaseUrl(ctx, groqUrl()),
      ...defined({ maxTokens: setNumber(options.maxTokensToSample), temperature: setNumber(options.temperature) }),
      ...tracedModel(ctx, { model }),
    });
    return { response: chat };
  },
};
