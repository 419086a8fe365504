// Slack's credential types with n8n's names and fields: an access token (bot or user token), or
// OAuth2 against Slack's v2 endpoints with the bot and user scopes n8n asks for.
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType, bearerAuthenticate as bearer } from '../../domain/index.ts';

export const slackApi: CredentialType = {
  name: 'slackApi', displayName: 'Slack API', testable: true, documentationUrl: 'slack',
  authenticate: bearer('accessToken'),
  fields: [
    credentialField.secret('accessToken', 'Access Token', { required: true }),
    credentialField.secret('signatureSecret', 'Signature Secret', { description: 'The signature secret is used to verify the authenticity of requests sent by Slack' }),
    // Set by n8n's managed Slack apps; never user input.
    ...['managedAppId', 'teamId', 'managerCredentialId'].map((name) => credentialField.text(name, name, { default: '', hidden: true })),
  ],
};

const SCOPES = [
  'chat:write', 'files:read', 'files:write', 'groups:read', 'groups:write', 'im:read', 'im:write', 'mpim:read', 'mpim:write',
  'reactions:read', 'reactions:write', 'usergroups:write', 'usergroups:read', 'users.profile:read', 'users:read',
];
const USER_SCOPES = [...SCOPES, 'stars:read', 'stars:write', 'users.profile:write'];

/** Slack's fixed OAuth2 settings: shown to nobody, always these values (n8n's hidden fields). */
const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://slack.com/oauth/v2/authorize',
  accessTokenUrl: 'https://slack.com/api/oauth.v2.access',
  scope: SCOPES.join(' '),
  authQueryParameters: `user_scope=${USER_SCOPES.join(' ')}`,
  authentication: 'body',
};

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const slackOAuth2Api: CredentialType = {
  name: 'slackOAuth2Api', displayName: 'Slack OAuth2 API', testable: true, extends: ['oAuth2Api'], documentationUrl: 'slack',
  fields: [
    ...oauth2Fields.map((field): CredentialField => (field.name in FIXED
      ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
      : field)),
    { ...credentialField.flag('useBotToken', "Use Bot's Access Token", false), required: false,
      description: "Whether to use the bot's access token or user's access token" },
  ],
};
