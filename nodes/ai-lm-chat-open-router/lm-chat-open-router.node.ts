// n8n's OpenRouter Chat Model sub-node (@n8n/n8n-nodes-langchain.lmChatOpenRouter): OpenRouter
// speaks OpenAI's Chat Completions API; its provider routing preferences go in the body as `provider`.
import type { NodeProperty } from '../../domain/index.ts';
import type { NodeType } from '../../engine/index.ts';
import { compatibleFields, compatibleOptions, JSON_PROMPT_NOTICE, modelListLoader } from '../ai-shared/chat-model-openai-compatible.ts';
import { checkBaseUrl, modelId, optionsOf } from '../ai-shared/chat-model-params.ts';

const providerRouting: NodeProperty = {
  displayName: 'Provider Routing', name: 'providerRouting', type: 'collection', default: {}, placeholder: 'Add Provider Routing Option',
  description: 'Which of OpenRouter\'s providers may answer',
  options: [
    { displayName: 'Order', name: 'order', type: 'string', default: '', placeholder: 'anthropic,openai,google' },
    { displayName: 'Allow Fallbacks', name: 'allowFallbacks', type: 'boolean', default: true },
    { displayName: 'Require Parameters', name: 'requireParameters', type: 'boolean', default: false },
    { displayName: 'Data Collection', name: 'dataCollection', type: 'options', default: 'allow', options: [{ name: 'Allow', value: 'allow' }, { name: 'Deny', value: 'deny' }] },
    { displayName: 'Zero Data Retention (ZDR)', name: 'zdr', type: 'boolean', default: false },
    { displayName: 'Only', name: 'only', type: 'string', default: '', placeholder: 'azure,anthropic' },
    { displayName: 'Ignore', name: 'ignore', type: 'string', default: '', placeholder: 'anthropic,openai' },
    { displayName: 'Sort', name: 'sort', type: 'options', default: '', options: [{ name: 'Price', value: 'price' }, { name: 'Throughput', value: 'throughput' }, { name: 'Latency', value: 'latency' }] },
  ],
};

const list = (value: unknown) => String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** OpenRouter's `provider` object (openrouter.ai/docs, provider routing) from the collection. */
function providerPreferences(routing: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!routing) return {};
  const out: Record<string, unknown> = {};
  if (routing.order) out.order = list(routing.order);
  if (routing.allowFallbacks !== undefined) out.allow_fallbacks = routing.allowFallbacks;
  if (routing.requireParameters !== undefined) out.require_parameters = routing.requireParameters;
  if (routing.dataCollection) out.data_collection = routing.dataCollection;
  if (routing.zdr !== undefined) out.zdr = routing.zdr;
  if (routing.only) out.only = list(routing.only);
  if (routing.ignore) out.ignore = list(routing.ignore);
  if (routing.sort) out.sort = routing.sort;
  return out;
}

export const lmChatOpenRouter: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.lmChatOpenRouter', displayName: 'OpenRouter Chat Model', icon: 'fa:robot', group: ['transform'], version: [1],
    description: 'For advanced usage with an AI chain', defaults: { name: 'OpenRouter Chat Model' },
    inputs: [], outputs: ['ai_languageModel'], outputNames: ['Model'], credentials: [{ name: 'openRouterApi', required: true }],
    properties: [
      JSON_PROMPT_NOTICE,
      { displayName: 'Model', name: 'model', type: 'options', default: 'openai/gpt-4.1-mini', description: 'The model that writes the answer', typeOptions: { loadOptionsMethod: 'models' } },
      compatibleOptions({ timeout: 360000, extra: [providerRouting] }),
    ],
  },
  methods: { loadOptions: { models: modelListLoader('openRouterApi', (c) => String(c.url || 'https://openrouter.ai/api/v1')) } },
  async supplyData(ctx, itemIndex) {
    // Client libraries load on first use, not with the node registry.
    const [{ ChatOpenAI }, { tracedModel }] = await Promise.all([import('@langchain/openai'), import('../ai-shared/model-tracing.ts')]);
    const credentials = await ctx.credentials.get('openRouterApi');
    const model = modelId(ctx.getNodeParameter('model', itemIndex));
    const { providerRouting: routing, ...options } = optionsOf(ctx, itemIndex);
    const provider = providerPreferences(routing as Record<string, unknown> | undefined);
    const chat = new ChatOpenAI({
      apiKey: String(credentials.apiKey ?? ''), model, ...compatibleFields(options, Object.keys(provider).length ? { provider } : {}),
      configuration: { baseURL: checkBaseUrl(ctx, String(credentials.url || 'https://openrouter.ai/api/v1')) },
      ...tracedModel(ctx, { model }),
    });
    return { response: chat };
  },
};
