// n8n's Groq credential (groqApi): an API key sent as a Bearer token.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const groqApi: CredentialType = {
  name: 'groqApi', displayName: 'Groq', testable: true, documentationUrl: 'groq',
  authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } } },
  fields: [credentialField.secret('apiKey', 'API Key', { required: true })],
};
