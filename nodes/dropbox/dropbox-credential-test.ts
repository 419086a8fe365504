// The Dropbox credential test, as n8n's: users/get_current_account with the token; a 401 means
// the token is wrong. Messages never include the token.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { dropboxApiUrl, dropboxSaid } from './dropbox-api.ts';

export async function testDropboxCredential(
  data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {},
): Promise<string> {
  const token = String(data.accessToken ?? '');
  if (!token) throw new Error('The access token is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'POST', url: `${dropboxApiUrl()}/2/users/get_current_account`, headers: { authorization: `Bearer ${token}` } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode === 401) throw new Error(`Invalid access token: ${dropboxSaid(response.body)}`);
    if (response.statusCode >= 400) throw new Error(`Dropbox answered ${response.statusCode}: ${dropboxSaid(response.body)}`);
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof Error && /^(Invalid access token|Dropbox answered)/.test(error.message)) throw error;
    throw new Error(serviceCallError('Dropbox', error, 0).message);
  } finally {
    await transport.close();
  }
}
