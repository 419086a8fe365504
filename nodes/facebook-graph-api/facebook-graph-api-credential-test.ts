// The check of n8n's facebookGraphApi credential: GET /v24.0/me with the token as access_token.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { graphHostUrl } from './facebook-graph-api.node.ts';

export async function testFacebookGraphCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const token = String(data.accessToken ?? '');
  if (!token) throw new Error('The access token is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    let response;
    try {
      response = await send(transport, { method: 'GET', url: `${graphHostUrl('graph.facebook.com')}/v24.0/me?${new URLSearchParams({ access_token: token })}`, headers: { accept: 'application/json' } },
        { timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks });
    } catch (error) {
      throw new Error(serviceCallError('Facebook', error, 0).message);
    }
    if (response.statusCode >= 400) {
      let said = '';
      try { said = String((JSON.parse(response.body.toString('utf8')) as { error?: { message?: string } }).error?.message ?? ''); } catch { /* not JSON */ }
      throw new Error(`Facebook answered ${response.statusCode}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } finally {
    await transport.close();
  }
}
