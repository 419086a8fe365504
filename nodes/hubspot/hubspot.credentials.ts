// HubSpot's credential types with n8n's names and fields: the legacy API key (sent as `hapikey`),
// a private app token (Bearer), and OAuth2 with HubSpot's fixed URLs and scopes.
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

export const hubspotApi: CredentialType = {
  name: 'hubspotApi', displayName: 'HubSpot API', testable: true, documentationUrl: 'hubspot',
  fields: [credentialField.secret('apiKey', 'API Key', { required: true })],
};

export const hubspotAppToken: CredentialType = {
  name: 'hubspotAppToken', displayName: 'HubSpot App Token', testable: true, documentationUrl: 'hubspot',
  fields: [credentialField.secret('appToken', 'APP Token', { required: true })],
};

const SCOPES = [
  'crm.lists.write', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read', 'crm.objects.companies.write',
  'crm.objects.deals.read', 'crm.objects.deals.write', 'crm.objects.owners.read', 'crm.schemas.companies.read', 'crm.schemas.contacts.read',
  'crm.schemas.deals.read', 'crm.lists.read', 'forms', 'tickets', 'e-commerce', 'sales-email-read',
];

/** HubSpot's fixed OAuth2 settings (n8n's hidden fields). */
const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://app.hubspot.com/oauth/authorize',
  accessTokenUrl: 'https://api.hubapi.com/oauth/v1/token',
  scope: SCOPES.join(' '),
  authQueryParameters: '',
  authentication: 'body',
};

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const hubspotOAuth2Api: CredentialType = {
  name: 'hubspotOAuth2Api', displayName: 'HubSpot OAuth2 API', testable: true, extends: ['oAuth2Api'], documentationUrl: 'hubspot',
  fields: oauth2Fields.map((field): CredentialField => (field.name in FIXED
    ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
    : field)),
};
