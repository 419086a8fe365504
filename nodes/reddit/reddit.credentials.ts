// n8n's Reddit credential (redditOAuth2Api): OAuth2 against reddit.com with the fixed endpoints, scope
// and permanent-duration parameters n8n's type hides.
import { CREDENTIAL_TYPES, type CredentialField, type CredentialType } from '../../domain/index.ts';

const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://www.reddit.com/api/v1/authorize',
  accessTokenUrl: 'https://www.reddit.com/api/v1/access_token',
  authQueryParameters: 'response_type=code&state=RANDOM_STRING&duration=permanent',
  scope: 'identity edit history mysubreddits read save submit',
  authentication: 'header',
};

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const redditOAuth2Api: CredentialType = {
  name: 'redditOAuth2Api', displayName: 'Reddit OAuth2 API', testable: false, extends: ['oAuth2Api'], documentationUrl: 'reddit',
  fields: oauth2Fields.map((field): CredentialField => (field.name in FIXED
    ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
    : field)),
};
