// n8n's Google Gemini Chat Model sub-node (@n8n/n8n-nodes-langchain.lmChatGoogleGemini): a
// ChatGoogleGenerativeAI on the googlePalmApi credential's host and key, with safety settings.
import type { NodeProperty } from '../../domain/index.ts';
import type { NodeType } from '../../engine/index.ts';
import { getProviderJson } from '../ai-shared/chat-model-http.ts';
import { checkBaseUrl, defined, modelId, optionsOf, setNumber } from '../ai-shared/chat-model-params.ts';

const HARM_CATEGORIES = ['HARM_CATEGORY_HARASSMENT', 'HARM_CATEGORY_HATE_SPEECH', 'HARM_CATEGORY_SEXUALLY_EXPLICIT', 'HARM_CATEGORY_DANGEROUS_CONTENT'];
const HARM_THRESHOLDS = ['HARM_BLOCK_THRESHOLD_UNSPECIFIED', 'BLOCK_LOW_AND_ABOVE', 'BLOCK_MEDIUM_AND_ABOVE', 'BLOCK_ONLY_HIGH', 'BLOCK_NONE'];
const choices = (values: string[]) => values.map((value) => ({ name: value, value }));

const options: NodeProperty = {
  displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', description: 'Additional options to add',
  options: [
    { displayName: 'Maximum Number of Tokens', name: 'maxOutputTokens', type: 'number', default: 2048 },
    { displayName: 'Sampling Temperature', name: 'temperature', type: 'number', default: 0.4, typeOptions: { maxValue: 1, minValue: 0, numberPrecision: 1 } },
    { displayName: 'Top K', name: 'topK', type: 'number', default: 32, typeOptions: { maxValue: 40, minValue: -1, numberPrecision: 1 } },
    { displayName: 'Top P', name: 'topP', type: 'number', default: 1, typeOptions: { maxValue: 1, minValue: 0, numberPrecision: 1 } },
    {
      displayName: 'Safety Settings', name: 'safetySettings', type: 'fixedCollection', typeOptions: { multipleValues: true }, placeholder: 'Add Option',
      default: { values: { category: HARM_CATEGORIES[0], threshold: HARM_THRESHOLDS[0] } },
      options: [{
        name: 'values', displayName: 'Values', values: [
          { displayName: 'Safety Category', name: 'category', type: 'options', default: 'HARM_CATEGORY_UNSPECIFIED', options: choices(HARM_CATEGORIES) },
          { displayName: 'Safety Threshold', name: 'threshold', type: 'options', default: 'HARM_BLOCK_THRESHOLD_UNSPECIFIED', options: choices(HARM_THRESHOLDS) },
        ],
      }],
    },
  ],
};

export const lmChatGoogleGemini: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.lmChatGoogleGemini', displayName: 'Google Gemini Chat Model', icon: 'fa:robot', group: ['transform'], version: [1],
    description: 'Chat Model Google Gemini', defaults: { name: 'Google Gemini Chat Model' },
    inputs: [], outputs: ['ai_languageModel'], outputNames: ['Model'], credentials: [{ name: 'googlePalmApi', required: true }],
    properties: [
      { displayName: 'Model', name: 'modelName', type: 'options', default: 'models/gemini-2.5-flash', description: 'The model that writes the answer', typeOptions: { loadOptionsMethod: 'models' } },
      options,
    ],
  },
  methods: {
    loadOptions: {
      async models(ctx) {
        const credentials = await ctx.credentials.get('googlePalmApi');
        const host = String(credentials.host || 'https://generativelanguage.googleapis.com').replace(/\/+$/, '');
        const answer = await getProviderJson({ url: `${host}/v1beta/models`, headers: { 'x-goog-api-key': String(credentials.apiKey ?? '') }, timeoutMs: 15_000, blockPrivateNetworks: ctx.blockPrivateNetworks, signal: ctx.signal });
        const models = (Array.isArray(answer.models) ? answer.models : []) as Array<{ name: string; description?: string }>;
        return models.filter((m) => !m.name.includes('embedding')).sort((a, b) => a.name.localeCompare(b.name))
          .map((m) => ({ name: m.name, value: m.name, ...(m.description ? { description: m.description } : {}) }));
      },
    },
  },
  async supplyData(ctx, itemIndex) {
    // Client libraries load on first use, not with the node registry.
    const [{ ChatGoogleGenerativeAI }, { tracedModel }] = await Promise.all([import('@langchain/google-genai'), import('../ai-shared/model-tracing.ts')]);
    const credentials = await ctx.credentials.get('googlePalmApi');
    const model = modelId(ctx.getNodeParameter('modelName', itemIndex));
    const { safetySettings, ...opts } = optionsOf(ctx, itemIndex);
    const safety = (safetySettings as { values?: unknown } | undefined)?.values;
    const chat = new ChatGoogleGenerativeAI({
      apiKey: String(credentials.apiKey ?? ''),
      baseUrl: checkBaseUrl(ctx, String(credentials.host || 'https://generativelanguage.googleapis.com')),
      model,
      ...defined({ temperature: setNumber(opts.temperature), topK: setNumber(opts.topK), topP: setNumber(opts.topP), maxOutputTokens: setNumber(opts.maxOutputTokens) }),
      ...(safety ? { safetySettings: (Array.isArray(safety) ? safety : [safety]) as never } : {}),
      ...tracedModel(ctx, { model }),
    });
    return { response: chat };
  },
};
