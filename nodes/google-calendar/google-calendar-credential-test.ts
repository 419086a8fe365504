// The googleCalendarOAuth2Api credential test: calendarList with one entry, with the stored token.
import { checkGoogleToken } from '../google-shared/google-token-check.ts';
import { calendarBaseUrl } from './google-calendar.node.ts';

export function testGoogleCalendarOAuth2Credential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  return checkGoogleToken(data, { method: 'GET', url: `${calendarBaseUrl()}/calendar/v3/users/me/calendarList?maxResults=1`, service: 'Google Calendar' }, timeoutMs, options.blockPrivateNetworks);
}
