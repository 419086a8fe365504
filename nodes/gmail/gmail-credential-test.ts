// Credential tests for Google OAuth2 types (gmailOAuth2, googleCalendarOAuth2Api): one cheap read
// with the token the OAuth2 flow stored (Gmail: users.getProfile; Calendar: calendarList with one
// entry). Google's refusal is reported in its own words; the token never appears in a message.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { googleMessage } from './google-call.ts';
import { gmailBaseUrl } from './gmail-api.ts';

async function probe(data: Record<string, unknown>, url: string, service: string, timeoutMs: number, blockPrivateNetworks: boolean): Promise<string> {
  const token = (data.oauthTokenData as { access_token?: unknown } | undefined)?.access_token;
  if (typeof token !== 'string' || !token) throw new Error('The credential is not connected yet: sign in with Google first');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) {
      const said = googleMessage(response.body.toString('utf8'));
      throw new Error(`${service} answered ${response.statusCode}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(`${service} answered`)) throw error;
    throw new Error(serviceCallError(service, error, 0).message);
  } finally {
    await transport.close();
  }
}

export function testGmailOAuth2Credential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  return probe(data, `${gmailBaseUrl()}/gmail/v1/users/me/profile`, 'Gmail', timeoutMs, options.blockPrivateNetworks ?? false);
}
