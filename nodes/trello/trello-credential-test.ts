// The Trello API credential test, as n8n's: GET /tokens/{token}/member with the key and token.
// Messages never include the token.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { trelloBaseUrl } from './trello.node.ts';

export async function testTrelloApiCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const key = String(data.apiKey ?? '');
  const token = String(data.apiToken ?? '');
  if (!key || !token) throw new Error('The API key and token are both needed');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const url = `${trelloBaseUrl()}/tokens/${encodeURIComponent(token)}/member?key=${encodeURIComponent(key)}&token=${encodeURIComponent(token)}`;
    const response = await send(transport, { method: 'GET', url, headers: { accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) throw new Error(`Trello answered ${response.statusCode}: ${response.body.toString('utf8').slice(0, 200)}`);
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Trello answered')) throw error;
    throw new Error(serviceCallError('Trello', error, 0).message);
  } finally {
    await transport.close();
  }
}
