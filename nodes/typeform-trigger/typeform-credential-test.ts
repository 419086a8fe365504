// The check of n8n's typeformApi credential (its testTypeformTokenAuth): GET /workspaces with the
// token, which must answer a list with `items`.
import { createTransport, send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { typeformBaseUrl, typeformDescription } from './typeform-api.ts';

export async function testTypeformCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const token = String(data.accessToken ?? '');
  if (!token) throw new Error('The access token is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    let response;
    try {
      response = await send(transport, { method: 'GET', url: `${typeformBaseUrl()}/workspaces`, headers: { authorization: `bearer ${token}`, accept: 'application/json' } },
        { timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks });
    } catch (error) {
      throw new Error(serviceCallError('Typeform', error, 0).message);
    }
    const text = response.body.toString('utf8');
    if (response.statusCode >= 400) {
      const said = typeformDescription(text);
      throw new Error(`Token is not valid; ${apiStatusMessage(response.statusCode)}${said ? `: ${said}` : ''}`);
    }
    let body: { items?: unknown } = {};
    try { body = JSON.parse(text) as typeof body; } catch { /* judged below */ }
    if (!body.items) throw new Error('Token is not valid.');
    return 'Authentication successful!';
  } finally {
    await transport.close();
  }
}
