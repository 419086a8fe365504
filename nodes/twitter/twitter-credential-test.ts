// The X credential tests: OAuth2 reads GET /2/users/me with the stored token; OAuth 1.0a reads
// GET /1.1/account/verify_credentials.json signed with the consumer and token. Messages hold no secrets.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { oauth1Header, twitterBaseUrl } from './twitter-api.ts';

class CheckFailed extends Error {}

async function check(url: string, authorization: string, timeoutMs: number, blockPrivateNetworks: boolean): Promise<string> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url, headers: { authorization, accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) {
      let said = '';
      try {
        const answer = JSON.parse(response.body.toString('utf8')) as { detail?: string; errors?: Array<{ message?: string }> };
        said = String(answer.detail ?? answer.errors?.[0]?.message ?? '');
      } catch { /* not JSON */ }
      throw new CheckFailed(`X answered ${response.statusCode} ${response.statusMessage}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof CheckFailed) throw new Error(error.message);
    throw new Error(serviceCallError('X', error, 0).message);
  } finally {
    await transport.close();
  }
}

export async function testTwitterOAuth2Credential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const token = (data.oauthTokenData as { access_token?: string } | undefined)?.access_token;
  if (!token) throw new Error('The credential is not connected yet (no access token)');
  return check(`${twitterBaseUrl()}/2/users/me`, `Bearer ${token}`, timeoutMs, options.blockPrivateNetworks ?? false);
}

export async function testTwitterOAuth1Credential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const token = data.oauthTokenData as { oauth_token?: string; oauth_token_secret?: string } | undefined;
  if (!token?.oauth_token) throw new Error('The credential is not connected yet (no access token)');
  const url = `${twitterBaseUrl()}/1.1/account/verify_credentials.json`;
  const authorization = oauth1Header({ key: String(data.consumerKey ?? ''), secret: String(data.consumerSecret ?? '') },
    { key: token.oauth_token, secret: String(token.oauth_token_secret ?? '') }, 'GET', url);
  return check(url, authorization, timeoutMs, options.blockPrivateNetworks ?? false);
}
