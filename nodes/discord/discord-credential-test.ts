// Discord credential tests, as n8n's: the bot token reads the bot's own user (GET /users/@me), the
// webhook URL reads the webhook (GET on the URL). Messages never include the token or the URL.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { discordBaseUrl } from './discord-api.ts';

class CheckFailed extends Error {}

async function check(url: string, headers: Record<string, string>, timeoutMs: number, blockPrivateNetworks: boolean): Promise<Record<string, unknown>> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const response = await send(transport, { method: 'GET', url, headers: { accept: 'application/json', ...headers } }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    let answer: Record<string, unknown> = {};
    try {
      answer = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
    } catch { /* not JSON: judged by status below */ }
    if (response.statusCode >= 400) {
      throw new CheckFailed(`Discord answered ${response.statusCode} ${response.statusMessage}${typeof answer.message === 'string' ? `: ${answer.message}` : ''}`);
    }
    return answer;
  } catch (error) {
    if (error instanceof CheckFailed) throw new Error(error.message);
    throw new Error(serviceCallError('Discord', error, 0).message);
  } finally {
    await transport.close();
  }
}

export async function testDiscordBotCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const token = String(data.botToken ?? '');
  if (!token) throw new Error('The bot token is empty');
  const me = await check(`${discordBaseUrl()}/users/@me`, { authorization: `Bot ${token}` }, timeoutMs, options.blockPrivateNetworks ?? false);
  return typeof me.username === 'string' ? `Connected as bot ${me.username}` : 'Connection tested successfully';
}

export async function testDiscordWebhookCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const url = String(data.webhookUri ?? '');
  if (!/^https?:\/\//.test(url)) throw new Error('The webhook URL is not an http(s) URL');
  await check(url, {}, timeoutMs, options.blockPrivateNetworks ?? false);
  return 'Connection tested successfully';
}
