// Gmail's OAuth2 credential with n8n's name (gmailOAuth2): Google's OAuth2 endpoints fixed and hidden,
// with the Gmail scopes n8n asks for. The service account (googleApi) lives in google-shared.
import { googleServiceOAuth2Type } from '../google-shared/google.credentials.ts';

export const GMAIL_SCOPES = [
  'https://www.googleapis.com/auth/gmail.labels',
  'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
  'https://www.googleapis.com/auth/gmail.addons.current.message.action',
  'https://mail.google.com/',
  'https://www.googleapis.com/auth/gmail.modify',
  'https://www.googleapis.com/auth/gmail.compose',
];

export const gmailOAuth2 = googleServiceOAuth2Type('gmailOAuth2', 'Gmail OAuth2 API', GMAIL_SCOPES);
