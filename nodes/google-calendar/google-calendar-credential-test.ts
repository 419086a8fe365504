// The googleCalendarOAuth2Api credential test: calendarList with one entry, with the stored token.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { googleMessage } from '../gmail/google-call.ts';
import { calendarBaseUrl } from './google-calendar.node.ts';

export async function testGoogleCalendarOAuth2Credential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const token = (data.oauthTokenData as { access_token?: unknown } | undefined)?.access_token;
  if (typeof token !== 'string' || !token) throw new Error('The credential is not connected yet: sign in with Google first');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url: `${calendarBaseUrl()}/calendar/v3/users/me/calendarList?maxResults=1`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) {
      const said = googleMessage(response.body.toString('utf8'));
      throw new Error(`Google Calendar answered ${response.statusCode}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Google Calendar answered')) throw error;
    throw new Error(serviceCallError('Google Calendar', error, 0).message);
  } finally {
    await transport.close();
  }
}
