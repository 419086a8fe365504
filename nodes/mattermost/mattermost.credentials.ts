// Mattermost's credential type with n8n's name and fields: a personal access (or bot) token and the
// server's base URL; self-signed certificates may be allowed.
import { credentialField, type CredentialType, bearerAuthenticate as bearer } from '../../domain/index.ts';

export const mattermostApi: CredentialType = {
  name: 'mattermostApi', displayName: 'Mattermost API', testable: true, documentationUrl: 'mattermost',
  authenticate: bearer('accessToken'),
  fields: [
    credentialField.secret('accessToken', 'Access Token', { required: true }),
    credentialField.text('baseUrl', 'Base URL', { required: true, format: 'url', description: 'e.g. https://mattermost.example.com' }),
    { ...credentialField.flag('allowUnauthorizedCerts', 'Ignore SSL Issues (Insecure)', false), required: false,
      description: 'Whether to connect even if SSL certificate validation is not possible' },
  ],
};
