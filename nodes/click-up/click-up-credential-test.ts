// The ClickUp API credential test, as n8n's: GET /user with the token in the Authorization header.
// Messages never include the token.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { clickUpBaseUrl } from './click-up.node.ts';

export async function testClickUpApiCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const token = String(data.accessToken ?? '');
  if (!token) throw new Error('The access token is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url: `${clickUpBaseUrl()}/user`, headers: { authorization: token, accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) {
      let said = '';
      try {
        said = String((JSON.parse(response.body.toString('utf8')) as { err?: string }).err ?? '');
      } catch { /* not JSON */ }
      throw new Error(`ClickUp answered ${response.statusCode}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('ClickUp answered')) throw error;
    throw new Error(serviceCallError('ClickUp', error, 0).message);
  } finally {
    await transport.close();
  }
}
