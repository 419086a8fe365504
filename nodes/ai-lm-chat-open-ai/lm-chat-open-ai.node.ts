// n8n's OpenAI Chat Model sub-node (@n8n/n8n-nodes-langchain.lmChatOpenAi): hands its root a
// LangChain ChatOpenAI on the openAiApi credential (key, organization, base URL), with every call
// recorded as a run of this node. From 1.3 it talks to the Responses API unless turned off.
import type { ChatOpenAIFields } from '@langchain/openai';
import type { NodeType } from '../../engine/index.ts';
import { checkBaseUrl, modelId, optionsOf } from '../ai-shared/chat-model-params.ts';
import { samplingFields } from '../ai-shared/chat-model-openai-compatible.ts';
import { lmChatOpenAiProperties } from './lm-chat-open-ai.description.ts';
import { builtInTools, responsesRequestFields } from './responses-options.ts';
import { chatModels, OPENAI_BASE_URL, openAiHeaders, searchModels } from './openai-models.ts';

export const lmChatOpenAi: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
    displayName: 'OpenAI Chat Model',
    icon: 'fa:robot',
    group: ['transform'],
    version: [1, 1.1, 1.2, 1.3, 1.4],
    description: 'For advanced usage with an AI chain',
    defaults: { name: 'OpenAI Chat Model' },
    inputs: [],
    outputs: ['ai_languageModel'],
    outputNames: ['Model'],
    credentials: [{ name: 'openAiApi', required: true }],
    properties: lmChatOpenAiProperties,
  },
  methods: { listSearch: { searchModels }, loadOptions: { chatModels } },
  async supplyData(ctx, itemIndex) {
    // Client libraries load on first use, not with the node registry.
    const [{ ChatOpenAI }, { tracedModel }] = await Promise.all([import('@langchain/openai'), import('../ai-shared/model-tracing.ts')]);
    const credentials = await ctx.credentials.get('openAiApi');
    const version = ctx.node.typeVersion;
    const model = modelId(ctx.getNodeParameter('model', itemIndex));
    const responsesApi = version >= 1.3 && ctx.getNodeParameter('responsesApiEnabled', itemIndex, true) === true;
    const options = optionsOf(ctx, itemIndex);
    const baseURL = checkBaseUrl(ctx, String(options.baseURL || credentials.url || OPENAI_BASE_URL));

    // What LangChain has no field for goes into the request body as it is.
    const modelKwargs: Record<string, unknown> = responsesApi ? responsesRequestFields(options) : {};
    if (!responsesApi) {
      if (options.responseFormat) modelKwargs.response_format = { type: options.responseFormat };
      if (typeof options.reasoningEffort === 'string' && ['low', 'medium', 'high'].includes(options.reasoningEffort)) modelKwargs.reasoning_effort = options.reasoningEffort;
    }
    const { authorization: _bearer, ...extraHeaders } = openAiHeaders(credentials);
    const fields: ChatOpenAIFields = {
      apiKey: String(credentials.apiKey ?? ''),
      model,
      ...samplingFields(options),
      configuration: { baseURL, defaultHeaders: extraHeaders },
      modelKwargs,
      // OpenAI-compatible servers (LM Studio, vLLM) refuse `strict: null` in tool definitions.
      supportsStrictToolCalling: false,
      ...tracedModel(ctx, { model }),
      ...(responsesApi ? { useResponsesApi: true } : {}),
    };
    const chat = new ChatOpenAI(fields);
    if (responsesApi) {
      const tools = builtInTools((ctx.getNodeParameter('builtInTools', itemIndex, {}) ?? {}) as Record<string, unknown>);
      // Agents read built-in tools from the model's metadata, as n8n's do.
      if (tools.length) chat.metadata = { ...chat.metadata, tools };
    }
    return { response: chat };
  },
};
