// n8n's Mistral Cloud credential (mistralCloudApi): an API key sent as a Bearer token.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const mistralCloudApi: CredentialType = {
  name: 'mistralCloudApi', displayName: 'Mistral Cloud API', testable: true, documentationUrl: 'mistral',
  authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } } },
  fields: [credentialField.secret('apiKey', 'API Key', { required: true })],
};
