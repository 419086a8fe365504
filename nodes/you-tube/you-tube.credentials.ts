// YouTube's credential type with n8n's name: Google OAuth2 (`googleOAuth2Api`) with YouTube's scopes fixed.
import type { CredentialField, CredentialType } from '../../domain/index.ts';
import { googleOAuth2Api } from '../google-shared/google.credentials.ts';

export const YOUTUBE_SCOPES = [
  'https://www.googleapis.com/auth/youtube',
  'https://www.googleapis.com/auth/youtubepartner',
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtubepartner-channel-audit',
];

export const youTubeOAuth2Api: CredentialType = {
  name: 'youTubeOAuth2Api', displayName: 'YouTube OAuth2 API', testable: true, extends: ['googleOAuth2Api'], documentationUrl: 'google',
  fields: googleOAuth2Api.fields.map((field): CredentialField => (field.name === 'scope'
    ? { ...field, default: YOUTUBE_SCOPES.join(' '), hidden: true, required: false, showWhen: undefined }
    : field)),
};
