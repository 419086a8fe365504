// n8n's Google Gemini (PaLM) credential (googlePalmApi): the API host and a key sent as `key` in the query.
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret } = credentialField;

export const googlePalmApi: CredentialType = {
  name: 'googlePalmApi', displayName: 'Google Gemini(PaLM) Api', testable: true, documentationUrl: 'google',
  authenticate: { type: 'generic', properties: { qs: { key: '={{$credentials.apiKey}}' } } }, fields: [
    text('host', 'Host', { required: true, default: 'https://generativelanguage.googleapis.com' }),
    secret('apiKey', 'API Key', { required: true }),
  ],
};
