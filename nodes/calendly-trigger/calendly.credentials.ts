// Calendly's credential types with n8n's names and fields: one key field that holds either a
// personal access token (a JWT, API v2, sent as a Bearer token) or a legacy v1 API key (sent as
// X-TOKEN), and OAuth2 against auth.calendly.com with n8n's fixed settings.
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType, bearerAuthenticate } from '../../domain/index.ts';

export const calendlyApi: CredentialType = {
  name: 'calendlyApi', displayName: 'Calendly API', testable: true, documentationUrl: 'calendly',
  // Personal access tokens are the common case; the node signs legacy keys itself (X-TOKEN).
  authenticate: bearerAuthenticate('apiKey'),
  fields: [credentialField.secret('apiKey', 'API Key or Personal Access Token', { required: true, default: '' })],
};

/** Calendly's fixed OAuth2 settings, hidden as in n8n. */
const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://auth.calendly.com/oauth/authorize',
  accessTokenUrl: 'https://auth.calendly.com/oauth/token',
  authQueryParameters: '',
  scope: '',
  authentication: 'header',
};

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const calendlyOAuth2Api: CredentialType = {
  name: 'calendlyOAuth2Api', displayName: 'Calendly OAuth2 API', testable: false, extends: ['oAuth2Api'], documentationUrl: 'calendly',
  fields: oauth2Fields.map((field): CredentialField => (field.name in FIXED
    ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
    : field)),
};
