// n8n's ClickUp credentials: clickUpApi (a personal token sent as the Authorization header as is,
// without "Bearer") and clickUpOAuth2Api (OAuth2 app; its token is sent the same way).
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

export const clickUpApi: CredentialType = {
  name: 'clickUpApi', displayName: 'ClickUp API', testable: true, documentationUrl: 'clickUp',
  authenticate: { type: 'generic', properties: { headers: { Authorization: '={{$credentials.accessToken}}' } } },
  fields: [credentialField.secret('accessToken', 'Access Token', { required: true })],
};

const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://app.clickup.com/api',
  accessTokenUrl: 'https://api.clickup.com/api/v2/oauth/token',
  scope: '',
  authQueryParameters: '',
  authentication: 'body',
};
const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const clickUpOAuth2Api: CredentialType = {
  name: 'clickUpOAuth2Api', displayName: 'ClickUp OAuth2 API', testable: false, extends: ['oAuth2Api'], documentationUrl: 'clickUp',
  fields: oauth2Fields.map((field): CredentialField => (field.name in FIXED
    ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
    : field)),
};
