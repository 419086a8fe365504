// n8n's Azure OpenAI Chat Model sub-node (@n8n/n8n-nodes-langchain.lmChatAzureOpenAi): an
// AzureChatOpenAI on one deployment of the azureOpenAiApi credential's resource (or endpoint).
// Entra ID sign-in (azureEntraCognitiveServicesOAuth2Api) is declared as in n8n but not built yet.
import type { NodeType } from '../../engine/index.ts';
import { compatibleFields, compatibleOptions, JSON_PROMPT_NOTICE } from '../ai-shared/chat-model-openai-compatible.ts';
import { checkBaseUrl, modelId, optionsOf } from '../ai-shared/chat-model-params.ts';

export const lmChatAzureOpenAi: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.lmChatAzureOpenAi', displayName: 'Azure OpenAI Chat Model', icon: 'fa:robot', group: ['transform'], version: [1],
    description: 'For advanced usage with an AI chain', defaults: { name: 'Azure OpenAI Chat Model' },
    inputs: [], outputs: ['ai_languageModel'], outputNames: ['Model'],
    credentials: [
      { name: 'azureOpenAiApi', required: true, displayOptions: { show: { authentication: ['azureOpenAiApi'] } } },
      { name: 'azureEntraCognitiveServicesOAuth2Api', required: true, displayOptions: { show: { authentication: ['azureEntraCognitiveServicesOAuth2Api'] } } },
    ],
    properties: [
      {
        displayName: 'Authentication', name: 'authentication', type: 'options', default: 'azureOpenAiApi',
        options: [{ name: 'API Key', value: 'azureOpenAiApi' }, { name: 'Azure Entra ID (OAuth2)', value: 'azureEntraCognitiveServicesOAuth2Api' }],
      },
      JSON_PROMPT_NOTICE,
      { displayName: 'Model (Deployment) Name', name: 'model', type: 'options', default: '', required: true, description: 'The deployment that answers', typeOptions: { loadOptionsMethod: 'getDeployments' } },
      compatibleOptions({ timeout: 60000, maxTokensMax: 128000, timeoutName: 'Timeout (Ms)' }),
    ],
  },
  methods: {
    loadOptions: {
      // The credential's approved deployments; Azure has no key-authenticated deployment list.
      async getDeployments(ctx) {
        const credentials = await ctx.credentials.get('azureOpenAiApi');
        return String(credentials.approvedModels ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((name) => ({ name, value: name }));
      },
    },
  },
  async supplyData(ctx, itemIndex) {
    // Client libraries load on first use, not with the node registry.
    const [{ AzureChatOpenAI }, { tracedModel }] = await Promise.all([import('@langchain/openai'), import('../ai-shared/model-tracing.ts')]);
    const authentication = ctx.getNodeParameter('authentication', itemIndex, 'azureOpenAiApi');
    if (authentication !== 'azureOpenAiApi') throw new Error('Azure Entra ID sign-in is not supported yet: use an API key credential');
    const credentials = await ctx.credentials.get('azureOpenAiApi');
    const deployment = modelId(ctx.getNodeParameter('model', itemIndex));
    if (!deployment) throw new Error('Model (Deployment) Name is empty');
    const endpoint = typeof credentials.endpoint === 'string' && credentials.endpoint.trim() ? checkBaseUrl(ctx, credentials.endpoint.trim()) : undefined;
    const chat = new AzureChatOpenAI({
      model: deployment,
      azureOpenAIApiDeploymentName: deployment,
      azureOpenAIApiKey: String(credentials.apiKey ?? ''),
      azureOpenAIApiVersion: String(credentials.apiVersion || '2025-03-01-preview'),
      ...(endpoint ? { azureOpenAIEndpoint: endpoint } : { azureOpenAIApiInstanceName: String(credentials.resourceName ?? '') }),
      ...compatibleFields(optionsOf(ctx, itemIndex)),
      ...tracedModel(ctx, { model: deployment }),
    });
    return { response: chat };
  },
};
