// The Baserow credential test: log in at the host's /api/user/token-auth/ with the username and
// password, as every run does. Messages never include the password.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { baserowSaid } from './baserow-api.ts';

export async function testBaserowCredential(
  data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {},
): Promise<string> {
  const host = String(data.host ?? 'https://api.baserow.io').replace(/\/+$/, '');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, {
      method: 'POST', url: `${host}/api/user/token-auth/`, headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username: data.username ?? '', password: data.password ?? '' }),
    }, { timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks });
    if (response.statusCode >= 400) throw new Error(`Baserow refused the login (${response.statusCode}): ${baserowSaid(response.body.toString('utf8'))}`);
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Baserow refused')) throw error;
    throw new Error(serviceCallError('Baserow', error, 0).message);
  } finally {
    await transport.close();
  }
}
