// n8n's NocoDB credentials: nocoDb (a user's auth token, header `xc-auth`) and nocoDbApiToken (an
// API token, header `xc-token`), each with the NocoDB host it talks to.
import { credentialField, type CredentialType } from '../../domain/index.ts';

const host = credentialField.text('host', 'Host', { required: true, default: '', description: 'The NocoDB address, e.g. http://localhost:8080' });

export const nocoDb: CredentialType = {
  name: 'nocoDb', displayName: 'NocoDB', testable: true, documentationUrl: 'nocoDb',
  authenticate: { type: 'generic', properties: { headers: { 'xc-auth': '={{$credentials.apiToken}}' } } },
  fields: [credentialField.secret('apiToken', 'User Token', { required: true }), host],
};

export const nocoDbApiToken: CredentialType = {
  name: 'nocoDbApiToken', displayName: 'NocoDB API Token', testable: true, documentationUrl: 'nocoDb',
  authenticate: { type: 'generic', properties: { headers: { 'xc-token': '={{$credentials.apiToken}}' } } },
  fields: [credentialField.secret('apiToken', 'API Token', { required: true }), host],
};
