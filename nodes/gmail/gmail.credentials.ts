// Gmail's OAuth2 credential with n8n's name (gmailOAuth2): Google's OAuth2 endpoints fixed and hidden,
// with the Gmail scopes n8n asks for. The service account (googleApi) lives in google-shared.
import { CREDENTIAL_TYPES, type CredentialField, type CredentialType } from '../../domain/index.ts';

export const GMAIL_SCOPES = [
  'https://www.googleapis.com/auth/gmail.labels',
  'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
  'https://www.googleapis.com/auth/gmail.addons.current.message.action',
  'https://mail.google.com/',
  'https://www.googleapis.com/auth/gmail.modify',
  'https://www.googleapis.com/auth/gmail.compose',
];

/** A Google OAuth2 credential type: n8n's hidden fixed fields for Google, with these scopes. */
export function googleOAuth2Variant(name: string, displayName: string, scopes: readonly string[], documentationUrl: string): CredentialType {
  const fixed: Record<string, string> = {
    grantType: 'authorizationCode',
    authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    accessTokenUrl: 'https://oauth2.googleapis.com/token',
    authQueryParameters: 'access_type=offline&prompt=consent',
    authentication: 'body',
    scope: scopes.join(' '),
  };
  const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];
  return {
    name, displayName, testable: true, extends: ['googleOAuth2Api'], documentationUrl,
    fields: oauth2Fields.map((field): CredentialField => (field.name in fixed
      ? { ...field, default: fixed[field.name], hidden: true, required: false, showWhen: undefined }
      : field)),
  };
}

export const gmailOAuth2 = googleOAuth2Variant('gmailOAuth2', 'Gmail OAuth2 API', GMAIL_SCOPES, 'google/oauth-single-service');
