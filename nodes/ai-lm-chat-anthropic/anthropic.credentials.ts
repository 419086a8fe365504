// n8n's Anthropic credential (anthropicApi): the key sent as x-api-key, the API's base URL, and an
// optional extra header (for gateways in front of the API).
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret, flag } = credentialField;
const withHeader = { showWhen: { header: [true] } };

export const anthropicApi: CredentialType = {
  name: 'anthropicApi', displayName: 'Anthropic', testable: true, documentationUrl: 'anthropic',
  authenticate: { type: 'generic', properties: { headers: { 'x-api-key': '={{$credentials.apiKey}}' } } }, fields: [
    secret('apiKey', 'API Key', { required: true }),
    text('url', 'Base URL', { default: 'https://api.anthropic.com', description: 'Change only for a proxy or gateway' }),
    { ...flag('header', 'Add Custom Header', false), required: false },
    text('headerName', 'Header Name', { default: '', ...withHeader }),
    secret('headerValue', 'Header Value', { default: '', ...withHeader }),
  ],
};
