// Google Cloud Natural Language's credential type with n8n's name and fields: Google OAuth2 with the
// language scopes, which the user may replace (n8n's customScopes / enabledScopes).
import { credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';
import { googleOAuth2Api } from '../google-shared/google.credentials.ts';

export const NATURAL_LANGUAGE_SCOPES = ['https://www.googleapis.com/auth/cloud-language', 'https://www.googleapis.com/auth/cloud-platform'];

export const googleCloudNaturalLanguageOAuth2Api: CredentialType = {
  name: 'googleCloudNaturalLanguageOAuth2Api', displayName: 'Google Cloud Natural Language OAuth2 API', testable: true,
  extends: ['googleOAuth2Api'], documentationUrl: 'google/oauth-single-service',
  fields: [
    ...googleOAuth2Api.fields.map((field): CredentialField => (field.name === 'scope'
      // n8n computes this from customScopes/enabledScopes; the fixed scopes are its default.
      ? { ...field, default: NATURAL_LANGUAGE_SCOPES.join(' '), hidden: true, required: false, showWhen: undefined }
      : field)),
    { ...credentialField.flag('customScopes', 'Custom Scopes', false), required: false, description: 'Define custom scopes' },
    credentialField.text('enabledScopes', 'Enabled Scopes', { default: NATURAL_LANGUAGE_SCOPES.join(' '), showWhen: { customScopes: [true] },
      description: 'Scopes that should be enabled' }),
  ],
};
