// n8n's Ollama credential (ollamaApi): where the Ollama server listens, and a key for servers
// behind an authenticating proxy or Ollama's cloud (sent as a Bearer token when given).
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret } = credentialField;

export const ollamaApi: CredentialType = {
  name: 'ollamaApi', displayName: 'Ollama', testable: true, documentationUrl: 'ollama', fields: [
    text('baseUrl', 'Base URL', { required: true, default: 'http://localhost:11434' }),
    secret('apiKey', 'API Key', { default: '' }),
  ],
};
