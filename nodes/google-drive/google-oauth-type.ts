// Builds a Google OAuth2 credential type as n8n declares its single-service ones: it extends
// googleOAuth2Api, with Google's endpoints and the service's scopes as hidden fixed values.
import { CREDENTIAL_TYPES, type CredentialField, type CredentialType } from '../../domain/index.ts';

const oauth2Fields = () => CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export function googleServiceOAuth2Type(name: string, displayName: string, scopes: readonly string[]): CredentialType {
  const fixed: Record<string, string> = {
    grantType: 'authorizationCode',
    authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    accessTokenUrl: 'https://oauth2.googleapis.com/token',
    authQueryParameters: 'access_type=offline&prompt=consent',
    authentication: 'body',
    scope: scopes.join(' '),
  };
  return {
    name, displayName, testable: true, extends: ['googleOAuth2Api'], documentationUrl: 'google/oauth-single-service',
    fields: oauth2Fields().map((field): CredentialField => (field.name in fixed
      ? { ...field, default: fixed[field.name], hidden: true, required: false, showWhen: undefined }
      : field)),
  };
}
