// The WhatsApp API credential test: GET /<business-account-id>/message_templates with the token (a bad
// token answers 401 with Graph's OAuthException). Messages never include the token.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { whatsAppBaseUrl } from './whats-app-api.ts';

class CheckFailed extends Error {}

export async function testWhatsAppCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const token = String(data.accessToken ?? '');
  const account = String(data.businessAccountId ?? '');
  if (!token || !account) throw new Error('The access token or business account ID is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url: `${whatsAppBaseUrl()}/${encodeURIComponent(account)}/message_templates`,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode >= 400) {
      let said = '';
      try {
        said = String((JSON.parse(response.body.toString('utf8')) as { error?: { message?: string } }).error?.message ?? '');
      } catch { /* not JSON */ }
      throw new CheckFailed(`WhatsApp answered ${response.statusCode} ${response.statusMessage}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof CheckFailed) throw new Error(error.message);
    throw new Error(serviceCallError('WhatsApp', error, 0).message);
  } finally {
    await transport.close();
  }
}
