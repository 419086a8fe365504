// Google Calendar's OAuth2 credential with n8n's name (googleCalendarOAuth2Api) and scopes.
import { googleServiceOAuth2Type } from '../google-shared/google.credentials.ts';

export const GOOGLE_CALENDAR_SCOPES = ['https://www.googleapis.com/auth/calendar', 'https://www.googleapis.com/auth/calendar.events'];

export const googleCalendarOAuth2Api = googleServiceOAuth2Type('googleCalendarOAuth2Api', 'Google Calendar OAuth2 API', GOOGLE_CALENDAR_SCOPES);
