// WordPress's credential types with n8n's names and fields: a user name and an application password
// (Basic auth) for the site at `url` (self-signed certificates may be allowed), and OAuth2 for
// WordPress.com sites.
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

export const wordpressApi: CredentialType = {
  name: 'wordpressApi', displayName: 'Wordpress API', testable: true, documentationUrl: 'wordpress',
  fields: [
    credentialField.text('username', 'Username', { required: true }),
    credentialField.secret('password', 'Password', { required: true }),
    credentialField.text('url', 'Wordpress URL', { required: true, format: 'url', description: 'e.g. https://example.com' }),
    { ...credentialField.flag('allowUnauthorizedCerts', 'Ignore SSL Issues (Insecure)', false), required: false,
      description: 'Whether to connect even if SSL certificate validation is not possible' },
  ],
};

const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://public-api.wordpress.com/oauth2/authorize',
  accessTokenUrl: 'https://public-api.wordpress.com/oauth2/token',
  scope: 'global',
  authQueryParameters: '',
  authentication: 'body',
};
const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

/** WordPress.com sites through its public API, with n8n's name; the site is a domain or a URL. */
export const wordpressOAuth2Api: CredentialType = {
  name: 'wordpressOAuth2Api', displayName: 'WordPress OAuth2 API', testable: false, extends: ['oAuth2Api'], documentationUrl: 'wordpress',
  fields: [
    ...oauth2Fields.map((field): CredentialField => (field.name in FIXED
      ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
      : field)),
    credentialField.text('wordpressSite', 'WordPress Site', { required: true, description: 'e.g. example.wordpress.com' }),
  ],
};
