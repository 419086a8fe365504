// A test for the Google OAuth2 credential types of the Drive, Docs and Sheets Trigger nodes (all
// hold a Drive scope): Drive's about.get with the stored access token answers who it belongs to.
// Messages never include the token.
import type { JsonObject } from '../../engine/index.ts';
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { driveBaseUrl } from './google-api.ts';

export async function testGoogleOAuth2Credential(
  data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {},
): Promise<string> {
  const token = (data.oauthTokenData as JsonObject | undefined)?.access_token;
  if (typeof token !== 'string' || !token) throw new Error('The credential has no access token: connect it first');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url: `${driveBaseUrl()}/drive/v3/about?fields=user`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    let answer: JsonObject = {};
    try { answer = JSON.parse(response.body.toString('utf8')) as JsonObject; } catch { /* judged by status */ }
    if (response.statusCode >= 400) {
      const said = (answer.error as JsonObject | undefined)?.message;
      throw new Error(`Google answered ${response.statusCode}${typeof said === 'string' ? `: ${said}` : ''}`);
    }
    const user = answer.user as JsonObject | undefined;
    return user?.emailAddress ? `Connection tested successfully (${String(user.emailAddress)})` : 'Connection tested successfully';
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Google answered')) throw error;
    throw new Error(serviceCallError('Google', error, 0).message);
  } finally {
    await transport.close();
  }
}
