// Airtable's credential types (n8n's names and fields): a personal access token, the OAuth2 app
// (Airtable's PKCE flow, on top of oAuth2Api), and the legacy API key Airtable retired in 2024.
import { CREDENTIAL_TYPES, credentialField, type CredentialType, bearerAuthenticate as bearer } from '../../domain/index.ts';

const { secret } = credentialField;

export const airtableTokenApi: CredentialType = {
  name: 'airtableTokenApi', displayName: 'Airtable Personal Access Token API', testable: true, documentationUrl: 'airtable',
  authenticate: bearer('accessToken'),
  fields: [secret('accessToken', 'Access Token', { required: true })],
};

/** Kept so old exports import; Airtable no longer accepts API keys, and the nodes say so when run. */
export const airtableApi: CredentialType = {
  name: 'airtableApi', displayName: 'Airtable API', testable: false, documentationUrl: 'airtable',
  authenticate: bearer('apiKey'),
  fields: [secret('apiKey', 'API Key', { required: true })],
};

const AIRTABLE_SCOPES = [
  'schema.bases:read', 'data.records:read', 'data.records:write', 'data.recordComments:read', 'schema.bases:write', 'webhook:manage',
].join(' ');

// Built-in types list every field (the vault checks data against them): oAuth2Api's, with Airtable's
// fixed endpoints and scopes as hidden values. n8n's grant is PKCE; the vault runs the code flow.
const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://airtable.com/oauth2/v1/authorize',
  accessTokenUrl: 'https://airtable.com/oauth2/v1/token',
  scope: AIRTABLE_SCOPES,
  authQueryParameters: '',
  authentication: 'header',
};
const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const airtableOAuth2Api: CredentialType = {
  name: 'airtableOAuth2Api', displayName: 'Airtable OAuth2 API', testable: false, documentationUrl: 'airtable', extends: ['oAuth2Api'],
  fields: oauth2Fields.map((field) => (field.name in FIXED
    ? { ...field, required: false, default: FIXED[field.name], hidden: true, showWhen: undefined }
    : field)),
};
