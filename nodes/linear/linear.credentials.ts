// Linear's credential types with n8n's names and fields: a personal API key (sent as the bare
// Authorization header), or OAuth2 against Linear's endpoints with the scopes n8n asks for.
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

export const linearApi: CredentialType = {
  name: 'linearApi', displayName: 'Linear API', testable: true, documentationUrl: 'linear',
  fields: [credentialField.secret('apiKey', 'API Key', { required: true })],
};

/** Linear's fixed OAuth2 settings, hidden as n8n hides them. */
const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://linear.app/oauth/authorize',
  accessTokenUrl: 'https://api.linear.app/oauth/token',
  scope: 'read write issues:create comments:create',
  authQueryParameters: 'actor=user',
  authentication: 'body',
};

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const linearOAuth2Api: CredentialType = {
  name: 'linearOAuth2Api', displayName: 'Linear OAuth2 API', testable: true, extends: ['oAuth2Api'], documentationUrl: 'linear',
  fields: oauth2Fields.map((field): CredentialField => (field.name in FIXED
    ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
    : field)),
};
