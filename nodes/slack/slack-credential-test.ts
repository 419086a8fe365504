// The Slack API credential test, as n8n's: users.profile.get with the token; Slack answering
// `error: invalid_auth` means the token is wrong. Messages never include the token.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { slackBaseUrl } from './slack-api.ts';

export async function testSlackApiCredential(
  data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {},
): Promise<string> {
  const token = String(data.accessToken ?? '');
  if (!token) throw new Error('The access token is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url: `${slackBaseUrl()}/users.profile.get`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    let answer: { ok?: boolean; error?: string } = {};
    try {
      answer = JSON.parse(response.body.toString('utf8')) as typeof answer;
    } catch { /* not JSON: judged by status below */ }
    if (answer.error === 'invalid_auth') throw new Error('Invalid access token');
    if (response.statusCode >= 400) throw new Error(`Slack answered ${response.statusCode} ${response.statusMessage}${answer.error ? `: ${answer.error}` : ''}`);
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof Error && /^(Invalid access token|Slack answered)/.test(error.message)) throw error;
    throw new Error(serviceCallError('Slack', error, 0).message);
  } finally {
    await transport.close();
  }
}
