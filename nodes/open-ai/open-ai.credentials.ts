// n8n's OpenAI credential (openAiApi): the API key as a Bearer token, an optional organization sent
// as OpenAI-Organization, and the API's base URL (a proxy or an OpenAI-compatible server).
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret } = credentialField;

export const openAiApi: CredentialType = {
  name: 'openAiApi', displayName: 'OpenAi', testable: true, documentationUrl: 'openai',
  authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}', 'OpenAI-Organization': '={{$credentials.organizationId}}' } } }, fields: [
    secret('apiKey', 'API Key', { required: true }),
    text('organizationId', 'Organization ID', { description: 'For keys that belong to several organizations: the one whose quota the requests use' }),
    text('url', 'Base URL', { default: 'https://api.openai.com/v1', description: 'Change only for a proxy or an OpenAI-compatible server' }),
  ],
};
