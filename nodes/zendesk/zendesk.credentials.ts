// n8n's Zendesk credentials: zendeskApi (subdomain, email and API token, sent as Basic
// `email/token:apiToken`) and zendeskOAuth2Api (OAuth2 against the account's own subdomain).
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

const subdomain = credentialField.text('subdomain', 'Subdomain', { required: true, description: 'The subdomain of your Zendesk work environment' });

export const zendeskApi: CredentialType = {
  name: 'zendeskApi', displayName: 'Zendesk API', testable: true, documentationUrl: 'zendesk',
  authenticate: { type: 'generic', properties: { auth: { username: '={{$credentials.email}}/token', password: '={{$credentials.apiToken}}' } } },
  fields: [subdomain, credentialField.text('email', 'Email', { required: true }), credentialField.secret('apiToken', 'API Token', { required: true })],
};

// n8n derives the two URLs from the subdomain with expressions; the vault keeps plain values, so they
// stay visible here, to be filled with the account's subdomain.
const URL_HINTS: Record<string, string> = {
  authUrl: 'https://<subdomain>.zendesk.com/oauth/authorizations/new',
  accessTokenUrl: 'https://<subdomain>.zendesk.com/oauth/tokens',
};
const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  scope: 'read write',
  authQueryParameters: '',
  authentication: 'body',
};
const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const zendeskOAuth2Api: CredentialType = {
  name: 'zendeskOAuth2Api', displayName: 'Zendesk OAuth2 API', testable: false, extends: ['oAuth2Api'], documentationUrl: 'zendesk',
  fields: [
    subdomain,
    ...oauth2Fields.map((field): CredentialField => (field.name in FIXED
      ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
      : field.name in URL_HINTS ? { ...field, description: URL_HINTS[field.name] } : field)),
  ],
};
