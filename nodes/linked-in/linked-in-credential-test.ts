// The LinkedIn OAuth2 credential test: GET /v2/userinfo (or /v2/me for legacy and Community Management
// apps) with the stored access token. Messages never include the token.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { linkedInBaseUrl } from './linked-in-api.ts';

class CheckFailed extends Error {}

export async function testLinkedInCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean; useMe?: boolean } = {}): Promise<string> {
  const token = (data.oauthTokenData as { access_token?: string } | undefined)?.access_token;
  if (!token) throw new Error('The credential is not connected yet (no access token)');
  const useMe = options.useMe ?? data.legacy !== false;
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url: `${linkedInBaseUrl()}/v2/${useMe ? 'me' : 'userinfo'}`,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'x-restli-protocol-version': '2.0.0' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) {
      let said = '';
      try {
        said = String((JSON.parse(response.body.toString('utf8')) as { message?: string }).message ?? '');
      } catch { /* not JSON */ }
      throw new CheckFailed(`LinkedIn answered ${response.statusCode} ${response.statusMessage}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof CheckFailed) throw new Error(error.message);
    throw new Error(serviceCallError('LinkedIn', error, 0).message);
  } finally {
    await transport.close();
  }
}
