// Google Analytics' credential type with n8n's name (`googleAnalyticsOAuth2`, no "Api" suffix):
// Google OAuth2 with the Analytics scopes fixed.
import type { CredentialField, CredentialType } from '../../domain/index.ts';
import { googleOAuth2Api } from '../google-shared/google.credentials.ts';

export const ANALYTICS_SCOPES = ['https://www.googleapis.com/auth/analytics', 'https://www.googleapis.com/auth/analytics.readonly'];

export const googleAnalyticsOAuth2: CredentialType = {
  name: 'googleAnalyticsOAuth2', displayName: 'Google Analytics OAuth2 API', testable: true, extends: ['googleOAuth2Api'],
  documentationUrl: 'google/oauth-single-service',
  fields: googleOAuth2Api.fields.map((field): CredentialField => (field.name === 'scope'
    ? { ...field, default: ANALYTICS_SCOPES.join(' '), hidden: true, required: false, showWhen: undefined }
    : field)),
};
