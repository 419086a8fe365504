// The Wordpress API credential test, as n8n's: GET <url>/wp-json/wp/v2/users with Basic auth (a wrong
// user or application password answers 401). Messages never include the password.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { basicAuth, wordpressBase } from './wordpress-api.ts';

class CheckFailed extends Error {}

export async function testWordpressCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  if (!/^https?:\/\//.test(String(data.url ?? '').trim())) throw new Error('The Wordpress URL is not an http(s) URL');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: data.allowUnauthorizedCerts === true, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url: `${wordpressBase(data.url)}/users`, headers: { authorization: basicAuth(data.username, data.password), accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) {
      let said = '';
      try {
        said = String((JSON.parse(response.body.toString('utf8')) as { message?: string }).message ?? '');
      } catch { /* not JSON */ }
      throw new CheckFailed(`Wordpress answered ${response.statusCode} ${response.statusMessage}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof CheckFailed) throw new Error(error.message);
    throw new Error(serviceCallError('Wordpress', error, 0).message);
  } finally {
    await transport.close();
  }
}
