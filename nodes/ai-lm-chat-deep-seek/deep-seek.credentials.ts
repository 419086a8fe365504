// n8n's DeepSeek credential (deepSeekApi): an API key (Bearer) and the OpenAI-compatible base URL.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const deepSeekApi: CredentialType = {
  name: 'deepSeekApi', displayName: 'DeepSeek', testable: true, documentationUrl: 'deepseek',
  authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } } }, fields: [
    credentialField.secret('apiKey', 'API Key', { required: true }),
    credentialField.text('url', 'Base URL', { default: 'https://api.deepseek.com' }),
  ],
};
