// n8n's API credential (n8nApi): an API key sent as X-N8N-API-KEY to `<baseUrl>/…`. Weft answers
// n8n's header and /api/v1 paths, so the base URL of a Weft server works too.
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret } = credentialField;

export const n8nApi: CredentialType = {
  name: 'n8nApi', displayName: 'n8n API', testable: true, fields: [
    secret('apiKey', 'API Key', { required: true }),
    text('baseUrl', 'Base URL', { required: true, description: 'e.g. https://weft.example.com/api/v1' }),
  ],
};
