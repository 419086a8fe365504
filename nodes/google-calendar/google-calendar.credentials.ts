// Google Calendar's OAuth2 credential with n8n's name (googleCalendarOAuth2Api) and scopes.
import { googleOAuth2Variant } from '../gmail/gmail.credentials.ts';

export const GOOGLE_CALENDAR_SCOPES = ['https://www.googleapis.com/auth/calendar', 'https://www.googleapis.com/auth/calendar.events'];

export const googleCalendarOAuth2Api = googleOAuth2Variant('googleCalendarOAuth2Api', 'Google Calendar OAuth2 API', GOOGLE_CALENDAR_SCOPES, 'google/oauth-single-service');
