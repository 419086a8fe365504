// Typeform's credential types with n8n's names and fields: a personal access token (sent as
// `bearer <token>`), or OAuth2 against Typeform's endpoints with the scopes n8n asks for.
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

export const typeformApi: CredentialType = {
  name: 'typeformApi', displayName: 'Typeform API', testable: true, documentationUrl: 'typeform',
  fields: [credentialField.secret('accessToken', 'Access Token', { required: true })],
};

/** Typeform's fixed OAuth2 settings, hidden as n8n hides them. */
const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://api.typeform.com/oauth/authorize',
  accessTokenUrl: 'https://api.typeform.com/oauth/token',
  scope: 'webhooks:write,webhooks:read,forms:read',
  authQueryParameters: '',
  authentication: 'header',
};

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const typeformOAuth2Api: CredentialType = {
  name: 'typeformOAuth2Api', displayName: 'Typeform OAuth2 API', testable: true, extends: ['oAuth2Api'], documentationUrl: 'typeform',
  fields: oauth2Fields.map((field): CredentialField => (field.name in FIXED
    ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
    : field)),
};
