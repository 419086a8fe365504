// n8n's Trello credential (trelloApi): an API key and token, sent as the `key` and `token` query
// parameters; the OAuth secret only signs webhooks (Trello Trigger).
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const trelloApi: CredentialType = {
  name: 'trelloApi', displayName: 'Trello API', testable: true, documentationUrl: 'trello',
  authenticate: { type: 'generic', properties: { qs: { key: '={{$credentials.apiKey}}', token: '={{$credentials.apiToken}}' } } },
  fields: [
    credentialField.text('apiKey', 'API Key', { required: true }),
    credentialField.secret('apiToken', 'API Token', { required: true }),
    credentialField.secret('oauthSecret', 'OAuth Secret'),
  ],
};
