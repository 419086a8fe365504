// The check of n8n's Jira credentials: GET {domain}/rest/api/2/myself with the credential's auth.
import { createTransport, send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { jiraSaid, jiraSite, type JiraVersion } from './jira-api.ts';

export async function testJiraCredential(version: JiraVersion, data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const { domain, authorization } = jiraSite(version, data);
  if (!domain) throw new Error('The credential has no domain');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    let response;
    try {
      response = await send(transport, { method: 'GET', url: `${domain}/rest/api/2/myself`, headers: { authorization, accept: 'application/json' } },
        { timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks });
    } catch (error) {
      throw new Error(serviceCallError('Jira', error, 0).message);
    }
    if (response.statusCode >= 400) {
      const said = jiraSaid(response.body.toString('utf8'));
      throw new Error(`${apiStatusMessage(response.statusCode)}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } finally {
    await transport.close();
  }
}
