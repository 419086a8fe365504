// n8n's Notion credential (notionApi): an internal integration's secret, sent as a Bearer token.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const notionApi: CredentialType = {
  name: 'notionApi', displayName: 'Notion API', testable: true, documentationUrl: 'notion',
  authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}', 'Notion-Version': '2022-02-22' } } },
  fields: [credentialField.secret('apiKey', 'API Key', { required: true })],
};
