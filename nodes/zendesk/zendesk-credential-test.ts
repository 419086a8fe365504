// The Zendesk API credential test, as n8n's: GET /users/me.json with Basic `email/token:apiToken`;
// Zendesk answers an anonymous user (id null) when the token is not accepted. Messages never include the token.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { zendeskBaseUrl } from './zendesk.node.ts';

export async function testZendeskApiCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const subdomain = String(data.subdomain ?? '');
  if (!subdomain || !data.email || !data.apiToken) throw new Error('The subdomain, email and API token are all needed');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const basic = Buffer.from(`${String(data.email)}/token:${String(data.apiToken)}`).toString('base64');
    const response = await send(transport, { method: 'GET', url: `${zendeskBaseUrl(subdomain)}/users/me.json`, headers: { authorization: `Basic ${basic}`, accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) throw new Error(`Zendesk answered ${response.statusCode} ${response.statusMessage}`);
    let answer: { user?: { id?: unknown } } = {};
    try {
      answer = JSON.parse(response.body.toString('utf8')) as typeof answer;
    } catch { /* judged below */ }
    if (!answer.user || answer.user.id === null || answer.user.id === undefined) throw new Error('Zendesk answered 401 Unauthorized: the email or API token is not accepted');
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Zendesk answered')) throw error;
    throw new Error(serviceCallError('Zendesk', error, 0).message);
  } finally {
    await transport.close();
  }
}
