// The Mattermost API credential test, as n8n's: GET <baseUrl>/api/v4/users with the token (a token
// Mattermost refuses answers 401). Messages never include the token.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';

class CheckFailed extends Error {}

export async function testMattermostCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const token = String(data.accessToken ?? '');
  const baseUrl = String(data.baseUrl ?? '').trim().replace(/\/+$/, '');
  if (!token) throw new Error('The access token is empty');
  if (!/^https?:\/\//.test(baseUrl)) throw new Error('The Base URL is not an http(s) URL');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: data.allowUnauthorizedCerts === true, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url: `${baseUrl}/api/v4/users?per_page=1`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) {
      let said = '';
      try {
        said = String((JSON.parse(response.body.toString('utf8')) as { message?: string }).message ?? '');
      } catch { /* not JSON */ }
      throw new CheckFailed(`Mattermost answered ${response.statusCode} ${response.statusMessage}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof CheckFailed) throw new Error(error.message);
    throw new Error(serviceCallError('Mattermost', error, 0).message);
  } finally {
    await transport.close();
  }
}
