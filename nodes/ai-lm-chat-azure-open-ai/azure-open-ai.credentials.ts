// n8n's Azure OpenAI credential (azureOpenAiApi): the key (sent as api-key), the resource whose
// deployments answer, the API version, and an endpoint for resources not at <name>.openai.azure.com.
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret } = credentialField;

export const azureOpenAiApi: CredentialType = {
  name: 'azureOpenAiApi', displayName: 'Azure Open AI', testable: true, documentationUrl: 'azureopenai',
  authenticate: { type: 'generic', properties: { headers: { 'api-key': '={{$credentials.apiKey}}' } } }, fields: [
    secret('apiKey', 'API Key', { required: true }),
    text('resourceName', 'Resource Name', { required: true }),
    text('apiVersion', 'API Version', { required: true, default: '2025-03-01-preview' }),
    text('endpoint', 'Endpoint', { description: 'For resources not at https://<resource>.openai.azure.com, e.g. https://westeurope.api.cognitive.microsoft.com' }),
    text('approvedModels', 'Approved Models', { default: '', description: 'Comma-separated deployment names offered in the model list (e.g. gpt-4o,gpt-4o-mini); empty allows any name' }),
  ],
};
