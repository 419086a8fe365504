// n8n's Embeddings OpenAI sub-node (@n8n/n8n-nodes-langchain.embeddingsOpenAi): OpenAIEmbeddings on
// the openAiApi credential (or the v1–1.1 Base URL option), each use recorded as a run of this node.
import type { NodeProperty } from '../../domain/index.ts';
import type { NodeType } from '../../engine/index.ts';
import { checkBaseUrl, defined, modelId, optionsOf, setNumber } from '../ai-shared/chat-model-params.ts';
import { listOpenAiModels, OPENAI_BASE_URL, openAiHeaders } from '../ai-lm-chat-open-ai/openai-models.ts';

const model = (value: string, displayOptions: NodeProperty['displayOptions']): NodeProperty => ({
  displayName: 'Model', name: 'model', type: 'options', default: value, description: 'The model that computes the embeddings',
  typeOptions: { loadOptionsMethod: 'embeddingModels' }, displayOptions,
});

export const embeddingsOpenAi: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.embeddingsOpenAi', displayName: 'Embeddings OpenAI', icon: 'fa:vector-square', group: ['transform'], version: [1, 1.1, 1.2],
    description: 'Use Embeddings OpenAI', defaults: { name: 'Embeddings OpenAI' },
    inputs: [], outputs: ['ai_embedding'], outputNames: ['Embeddings'], credentials: [{ name: 'openAiApi', required: true }],
    properties: [
      model('text-embedding-ada-002', { show: { '@version': [1] } }),
      model('text-embedding-3-small', { hide: { '@version': [1] } }),
      {
        displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', description: 'Additional options to add',
        options: [
          {
            displayName: 'Dimensions', name: 'dimensions', type: 'options', default: undefined, description: 'How many dimensions each vector has (text-embedding-3 and later)',
            options: [256, 512, 1024, 1536, 3072].map((n) => ({ name: String(n), value: n })),
          },
          { displayName: 'Base URL', name: 'baseURL', type: 'string', default: 'https://api.openai.com/v1', displayOptions: { hide: { '@version': [{ _cnd: { gte: 1.2 } }] } } },
          { displayName: 'Batch Size', name: 'batchSize', type: 'number', default: 512, typeOptions: { maxValue: 2048 }, description: 'The most documents sent in one request' },
          { displayName: 'Strip New Lines', name: 'stripNewLines', type: 'boolean', default: true },
          { displayName: 'Timeout', name: 'timeout', type: 'number', default: -1, description: 'How long one request may take, in seconds; -1 for no limit' },
        ],
      },
    ],
  },
  methods: {
    loadOptions: {
      async embeddingModels(ctx) {
        const options = (ctx.getNodeParameter('options', 0, {}) ?? {}) as { baseURL?: string };
        const ids = await listOpenAiModels(await ctx.credentials.get('openAiApi'), { baseUrl: options.baseURL, timeoutMs: 15_000, blockPrivateNetworks: ctx.blockPrivateNetworks, signal: ctx.signal, all: true });
        return ids.filter((id) => id.includes('embed')).map((id) => ({ name: id, value: id }));
      },
    },
  },
  async supplyData(ctx, itemIndex) {
    // Client libraries load on first use, not with the node registry.
    const [{ OpenAIEmbeddings }, { TracedEmbeddings }] = await Promise.all([import('@langchain/openai'), import('../ai-shared/chat-model-embeddings-tracing.ts')]);
    const credentials = await ctx.credentials.get('openAiApi');
    const options = optionsOf(ctx, itemIndex);
    const baseURL = checkBaseUrl(ctx, String((ctx.node.typeVersion < 1.2 && options.baseURL) || credentials.url || OPENAI_BASE_URL));
    const { authorization: _bearer, ...extraHeaders } = openAiHeaders(credentials);
    const timeoutSeconds = setNumber(options.timeout);
    const embeddings = new OpenAIEmbeddings({
      apiKey: String(credentials.apiKey ?? ''),
      model: modelId(ctx.getNodeParameter('model', itemIndex)),
      ...defined({
        dimensions: setNumber(options.dimensions),
        batchSize: setNumber(options.batchSize),
        stripNewLines: typeof options.stripNewLines === 'boolean' ? options.stripNewLines : undefined,
        // n8n documents this option in seconds; the OpenAI client counts milliseconds.
        timeout: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
      }),
      configuration: { baseURL, defaultHeaders: extraHeaders },
    });
    return { response: new TracedEmbeddings(embeddings, ctx) };
  },
};
