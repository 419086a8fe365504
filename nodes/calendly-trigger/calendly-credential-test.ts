// The Calendly API credential test, as n8n's: GET /users/me, on API v2 with the personal access
// token as Bearer, or on the legacy v1 API with an old key as X-TOKEN. Messages never include the key.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { calendlyBaseUrl, calendlyDescription, calendlyLegacyUrl, keyKind } from './calendly-api.ts';

export async function testCalendlyCredential(
  data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {},
): Promise<string> {
  const key = String(data.apiKey ?? '');
  if (!key) throw new Error('The API key or personal access token is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  const modern = keyKind(key) === 'accessToken';
  const url = `${modern ? calendlyBaseUrl() : calendlyLegacyUrl()}/users/me`;
  const headers: Record<string, string> = modern ? { authorization: `Bearer ${key}`, accept: 'application/json' } : { 'x-token': key, accept: 'application/json' };
  try {
    const response = await send(transport, { method: 'GET', url, headers }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode < 400) return 'Connection tested successfully';
    const text = response.body.toString('utf8');
    let body: unknown;
    try { body = JSON.parse(text); } catch { body = undefined; }
    const said = calendlyDescription(body, text);
    throw new Error(`Calendly answered ${response.statusCode}${said ? `: ${said}` : ''}`);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Calendly answered')) throw error;
    throw new Error(serviceCallError('Calendly', error, 0).message);
  } finally {
    await transport.close();
  }
}
