// The NocoDB credential tests, as n8n's: GET {host}/api/v1/auth/user/me with the token in `xc-token`
// (API token) or `xc-auth` (user token). Messages never include the token.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';

export async function testNocoDbCredential(kind: 'nocoDb' | 'nocoDbApiToken', data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const host = String(data.host ?? '').replace(/\/+$/, '');
  const token = String(data.apiToken ?? '');
  if (!host || !token) throw new Error('The host and token are both needed');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const header = kind === 'nocoDbApiToken' ? 'xc-token' : 'xc-auth';
    const response = await send(transport, { method: 'GET', url: `${host}/api/v1/auth/user/me`, headers: { [header]: token, accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) throw new Error(`NocoDB answered ${response.statusCode} ${response.statusMessage}`);
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('NocoDB answered')) throw error;
    throw new Error(serviceCallError('NocoDB', error, 0).message);
  } finally {
    await transport.close();
  }
}
