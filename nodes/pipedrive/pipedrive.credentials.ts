// Pipedrive's credential types with n8n's names and fields: an API token (sent as the `api_token`
// query parameter), or OAuth2 against Pipedrive's OAuth server (a Bearer token).
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

export const pipedriveApi: CredentialType = {
  name: 'pipedriveApi', displayName: 'Pipedrive API', testable: true, documentationUrl: 'pipedrive',
  fields: [credentialField.secret('apiToken', 'API Token', { required: true })],
};

/** Pipedrive's fixed OAuth2 settings, hidden as n8n hides them. */
const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://oauth.pipedrive.com/oauth/authorize',
  accessTokenUrl: 'https://oauth.pipedrive.com/oauth/token',
  scope: '',
  authQueryParameters: '',
  authentication: 'header',
};

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const pipedriveOAuth2Api: CredentialType = {
  name: 'pipedriveOAuth2Api', displayName: 'Pipedrive OAuth2 API', testable: true, extends: ['oAuth2Api'], documentationUrl: 'pipedrive',
  fields: oauth2Fields.map((field): CredentialField => (field.name in FIXED
    ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
    : field)),
};
