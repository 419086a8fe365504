// LinkedIn's credential types with n8n's names and fields: OAuth2 against LinkedIn's endpoints, the
// standard app (flags for organization posting and the legacy r_liteprofile scopes) and the
// Community Management app. The vault runs the OAuth2 exchange; the node reads the access token.
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

function fixedOAuth2(fixed: Record<string, string>): CredentialField[] {
  return oauth2Fields.map((field): CredentialField => (field.name in fixed
    ? { ...field, default: fixed[field.name], hidden: true, required: false, showWhen: undefined }
    : field));
}

const ENDPOINTS = {
  grantType: 'authorizationCode',
  authUrl: 'https://www.linkedin.com/oauth/v2/authorization',
  accessTokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
  authQueryParameters: '',
  authentication: 'body',
};

export const linkedInOAuth2Api: CredentialType = {
  name: 'linkedInOAuth2Api', displayName: 'LinkedIn OAuth2 API', testable: true, extends: ['oAuth2Api'], documentationUrl: 'linkedIn',
  fields: [
    // n8n derives the scope from the two flags; this default is the one for its defaults (both on).
    ...fixedOAuth2({ ...ENDPOINTS, scope: 'r_liteprofile r_emailaddress w_member_social w_organization_social' }),
    { ...credentialField.flag('organizationSupport', 'Organization Support', true), required: false,
      description: 'Request permissions to post as an organization' },
    { ...credentialField.flag('legacy', 'Legacy', true), required: false,
      description: 'Whether to use the legacy API (r_liteprofile); off uses OpenID Connect (openid profile email)' },
  ],
};

export const linkedInCommunityManagementOAuth2Api: CredentialType = {
  name: 'linkedInCommunityManagementOAuth2Api', displayName: 'LinkedIn Community Management OAuth2 API', testable: true, extends: ['oAuth2Api'], documentationUrl: 'linkedIn',
  fields: fixedOAuth2({ ...ENDPOINTS, scope: 'r_basicprofile w_member_social w_organization_social r_organization_social rw_organization_admin' }),
};
