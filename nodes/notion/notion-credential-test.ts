// The check of n8n's notionApi credential: GET /v1/users/me with the secret, which Notion answers
// with the integration's bot user or a 401.
import { createTransport, send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { NOTION_VERSION, notionBaseUrl, notionDescription } from './notion-api.ts';

/** Resolves with a success message, or throws Notion's reason (never the secret). */
export async function testNotionCredential(
  data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {},
): Promise<string> {
  const apiKey = String(data.apiKey ?? '');
  if (!apiKey) throw new Error('The credential has no API key');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, {
      method: 'GET', url: `${notionBaseUrl()}/users/me`, headers: { authorization: `Bearer ${apiKey}`, 'notion-version': NOTION_VERSION, accept: 'application/json' },
    }, { timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks });
    if (response.statusCode >= 400) {
      const said = notionDescription(response.body.toString('utf8'));
      throw new Error(`${apiStatusMessage(response.statusCode)}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } finally {
    await transport.close();
  }
}
