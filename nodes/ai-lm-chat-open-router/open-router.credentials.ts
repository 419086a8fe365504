// n8n's OpenRouter credential (openRouterApi): an API key (Bearer) and the OpenAI-compatible base URL.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const openRouterApi: CredentialType = {
  name: 'openRouterApi', displayName: 'OpenRouter', testable: true, documentationUrl: 'openrouter',
  authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } } }, fields: [
    credentialField.secret('apiKey', 'API Key', { required: true }),
    credentialField.text('url', 'Base URL', { default: 'https://openrouter.ai/api/v1' }),
  ],
};
