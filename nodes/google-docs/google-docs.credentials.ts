// n8n's Google Docs OAuth2 credential type (googleDocsOAuth2Api) and the scopes it asks for.
import { googleServiceOAuth2Type } from '../google-shared/google.credentials.ts';

export const GOOGLE_DOCS_SCOPES = [
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.file',
];

export const googleDocsOAuth2Api = googleServiceOAuth2Type('googleDocsOAuth2Api', 'Google Docs OAuth2 API', GOOGLE_DOCS_SCOPES);
