// The telegramApi credential test, as n8n's: the bot asks `getMe` and the token is good when
// Telegram answers ok. The message names the bot; errors say what Telegram said, never the token.
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { callTelegram, telegramCredentials, TelegramApiError } from './telegram-api.ts';

export async function testTelegramCredential(data: Record<string, unknown>, timeoutMs: number, blockPrivateNetworks = false): Promise<string> {
  const credentials = telegramCredentials(data);
  if (!credentials.accessToken) throw new Error('The access token is empty');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const answer = await callTelegram(
      { transport, signal: AbortSignal.timeout(timeoutMs), blockPrivateNetworks, nodeName: 'Telegram' }, credentials, 'getMe', { httpMethod: 'GET' },
    );
    const bot = (answer.result ?? {}) as { username?: string; first_name?: string };
    return `Connection successful: bot ${bot.username ? `@${bot.username}` : (bot.first_name ?? 'found')}`;
  } catch (error) {
    if (error instanceof TelegramApiError) throw new Error(`${error.message}: ${error.serviceMessage}`);
    // Transport errors may carry the request URL, which holds the token.
    throw new Error(errorMessage(error).split(credentials.accessToken).join('***'));
  } finally {
    await transport.close();
  }
}
