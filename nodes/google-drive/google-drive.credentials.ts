// n8n's Google Drive OAuth2 credential type (googleDriveOAuth2Api) and the scopes it asks for.
import { googleServiceOAuth2Type } from '../google-shared/google.credentials.ts';

export const GOOGLE_DRIVE_SCOPES = [
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.appdata',
  'https://www.googleapis.com/auth/drive.photos.readonly',
];

export const googleDriveOAuth2Api = googleServiceOAuth2Type('googleDriveOAuth2Api', 'Google Drive OAuth2 API', GOOGLE_DRIVE_SCOPES);
