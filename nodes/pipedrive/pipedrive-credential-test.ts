// The check of n8n's pipedriveApi credential: GET /users/me with the token.
import { createTransport, send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { pipedriveBaseUrl, pipedriveSaid } from './pipedrive-api.ts';

export async function testPipedriveCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const token = String(data.apiToken ?? '');
  if (!token) throw new Error('The API token is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    let response;
    try {
      response = await send(transport, { method: 'GET', url: `${pipedriveBaseUrl()}/users/me?api_token=${encodeURIComponent(token)}`, headers: { accept: 'application/json' } },
        { timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks });
    } catch (error) {
      throw new Error(serviceCallError('Pipedrive', error, 0).message);
    }
    if (response.statusCode >= 400) {
      const said = pipedriveSaid(response.body.toString('utf8'));
      throw new Error(`${apiStatusMessage(response.statusCode)}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } finally {
    await transport.close();
  }
}
