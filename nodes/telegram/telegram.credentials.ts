// n8n's Telegram credential (telegramApi): the bot's access token from BotFather, and the Bot API's
// base URL (a self-hosted Bot API server, or Telegram's own by default).
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret } = credentialField;

export const telegramApi: CredentialType = {
  name: 'telegramApi', displayName: 'Telegram API', testable: true, documentationUrl: 'telegram', fields: [
    secret('accessToken', 'Access Token', { required: true, description: 'The bot token BotFather gives (https://telegram.me/botfather)' }),
    text('baseUrl', 'Base URL', { default: 'https://api.telegram.org', description: 'The Bot API server; change it only for a self-hosted one' }),
  ],
};
