// n8n's Anthropic Chat Model sub-node (@n8n/n8n-nodes-langchain.lmChatAnthropic): a ChatAnthropic
// on the anthropicApi credential. The model is a dropdown up to 1.2, a resource locator from 1.3;
// extended thinking sends a token budget and drops the sampling options Anthropic then refuses.
import type { NodeType } from '../../engine/index.ts';
import { checkBaseUrl, defined, modelId, optionsOf, setNumber } from '../ai-shared/chat-model-params.ts';
import { lmChatAnthropicProperties } from './lm-chat-anthropic.description.ts';
import { searchAnthropicModels } from './anthropic-models.ts';

const MIN_THINKING_BUDGET = 1024;
const DEFAULT_MAX_TOKENS = 4096;

export const lmChatAnthropic: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.lmChatAnthropic', displayName: 'Anthropic Chat Model', icon: 'fa:robot', group: ['transform'], version: [1, 1.1, 1.2, 1.3, 1.4],
    description: 'Language Model Anthropic', defaults: { name: 'Anthropic Chat Model' },
    inputs: [], outputs: ['ai_languageModel'], outputNames: ['Model'], credentials: [{ name: 'anthropicApi', required: true }],
    properties: lmChatAnthropicProperties,
  },
  methods: { listSearch: { searchModels: searchAnthropicModels } },
  async supplyData(ctx, itemIndex) {
    // Client libraries load on first use, not with the node registry.
    const [{ ChatAnthropic }, { tracedModel }] = await Promise.all([import('@langchain/anthropic'), import('../ai-shared/model-tracing.ts')]);
    const credentials = await ctx.credentials.get('anthropicApi');
    const model = modelId(ctx.getNodeParameter('model', itemIndex));
    const options = optionsOf(ctx, itemIndex);
    const thinking = options.thinking === true;
    const headers = credentials.header && typeof credentials.headerName === 'string' && credentials.headerName ? { [credentials.headerName]: String(credentials.headerValue ?? '') } : undefined;
    const chat = new ChatAnthropic({
      apiKey: String(credentials.apiKey ?? ''),
      model,
      anthropicApiUrl: checkBaseUrl(ctx, String(credentials.url || 'https://api.anthropic.com')),
      ...defined({
        maxTokens: setNumber(options.maxTokensToSample) ?? (thinking ? DEFAULT_MAX_TOKENS : undefined),
        temperature: thinking ? undefined : setNumber(options.temperature),
        topK: thinking ? undefined : setNumber(options.topK),
        topP: thinking ? undefined : setNumber(options.topP),
      }),
      ...(thinking ? { thinking: { type: 'enabled' as const, budget_tokens: setNumber(options.thinkingBudget) ?? MIN_THINKING_BUDGET } } : {}),
      ...(headers ? { clientOptions: { defaultHeaders: headers } } : {}),
      ...tracedModel(ctx, { model }),
    });
    // LangChain's -1 defaults are not valid for every Claude model: send only what was chosen.
    if (setNumber(options.topP) === undefined || thinking) delete (chat as { topP?: number }).topP;
    if (setNumber(options.topK) === undefined || thinking) delete (chat as { topK?: number }).topK;
    if (thinking || (setNumber(options.topP) !== undefined && setNumber(options.temperature) === undefined)) delete (chat as { temperature?: number }).temperature;
    return { response: chat };
  },
};
