// Discord's credential types with n8n's names and fields: a bot token, OAuth2 (which also carries the
// bot token: n8n calls the API as the bot and uses the OAuth2 token only to list the user's servers),
// and a channel webhook URL.
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

export const discordBotApi: CredentialType = {
  name: 'discordBotApi', displayName: 'Discord Bot API', testable: true, documentationUrl: 'discord',
  authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bot {{$credentials.botToken}}' } } },
  fields: [credentialField.secret('botToken', 'Bot Token', { required: true })],
};

export const discordWebhookApi: CredentialType = {
  name: 'discordWebhookApi', displayName: 'Discord Webhook', testable: true, documentationUrl: 'discord',
  fields: [credentialField.secret('webhookUri', 'Webhook URL', { required: true, format: 'url', description: 'e.g. https://discord.com/api/webhooks/ID/TOKEN' })],
};

/** Discord's fixed OAuth2 settings, hidden as n8n hides them. */
const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://discord.com/api/oauth2/authorize',
  accessTokenUrl: 'https://discord.com/api/oauth2/token',
  scope: 'identify guilds guilds.join bot',
  authQueryParameters: 'permissions=1642758929655',
  authentication: 'header',
};

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const discordOAuth2Api: CredentialType = {
  name: 'discordOAuth2Api', displayName: 'Discord OAuth2 API', testable: false, extends: ['oAuth2Api'], documentationUrl: 'discord',
  fields: [
    credentialField.secret('botToken', 'Bot Token', { required: false }),
    ...oauth2Fields.map((field): CredentialField => (field.name in FIXED
      ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
      : field)),
  ],
};
