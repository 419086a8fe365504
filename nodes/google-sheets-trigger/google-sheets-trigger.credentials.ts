// n8n's Google Sheets Trigger OAuth2 credential type (googleSheetsTriggerOAuth2Api): Drive (for the
// revision list) and Sheets scopes.
import { googleServiceOAuth2Type } from '../google-shared/google.credentials.ts';

export const GOOGLE_SHEETS_TRIGGER_SCOPES = [
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive.metadata',
];

export const googleSheetsTriggerOAuth2Api = googleServiceOAuth2Type('googleSheetsTriggerOAuth2Api', 'Google Sheets Trigger OAuth2 API', GOOGLE_SHEETS_TRIGGER_SCOPES);
