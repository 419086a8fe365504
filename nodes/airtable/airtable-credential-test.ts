// The check of n8n's airtableTokenApi credential: GET /v0/meta/whoami with the token, which
// Airtable answers with the token's user (and scopes) or a 401.
import { createTransport, send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { airtableBaseUrl, serviceDescription } from './airtable-api.ts';

/** Resolves with a success message, or throws Airtable's reason (never the token). */
export async function testAirtableTokenCredential(
  data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {},
): Promise<string> {
  const token = String(data.accessToken ?? '');
  if (!token) throw new Error('The credential has no access token');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url: `${airtableBaseUrl()}/meta/whoami`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    const text = response.body.toString('utf8');
    let body: unknown;
    try { body = JSON.parse(text); } catch { body = undefined; }
    if (response.statusCode >= 400) {
      const said = serviceDescription(body, text);
      throw new Error(`${apiStatusMessage(response.statusCode)}${said ? `: ${said}` : ''}`);
    }
    const who = body as { email?: unknown; id?: unknown } | undefined;
    const name = typeof who?.email === 'string' ? who.email : typeof who?.id === 'string' ? who.id : undefined;
    return name ? `Connection tested successfully (${name})` : 'Connection tested successfully';
  } finally {
    await transport.close();
  }
}
