// Microsoft's OAuth2 credential types with n8n's names: the shared `microsoftOAuth2Api` base (the
// Microsoft identity platform's v2 endpoints) and `microsoftOutlookOAuth2Api`, which extends it
// with Outlook's scopes and the option to act on a shared mailbox.
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];
/** The Microsoft identity platform's v2 endpoints; WEFT_MICROSOFT_LOGIN_API_URL may point them elsewhere. */
const LOGIN = 'https://login.microsoftonline.com/common/oauth2/v2.0';
const signIn = { service: 'microsoft login', base: LOGIN };

const fixed = (values: Record<string, string>): CredentialField[] => oauth2Fields.map((field) => (field.name in values
  ? { ...field, default: values[field.name], hidden: true, required: false, showWhen: undefined, ...(values[field.name].startsWith(LOGIN) ? { serviceBase: signIn } : {}) }
  : field));

const MICROSOFT: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: `${LOGIN}/authorize`,
  accessTokenUrl: `${LOGIN}/token`,
  authQueryParameters: 'response_mode=query',
  authentication: 'body',
};

export const microsoftOAuth2Api: CredentialType = {
  name: 'microsoftOAuth2Api', displayName: 'Microsoft OAuth2 API', testable: true, extends: ['oAuth2Api'], documentationUrl: 'microsoft',
  fields: fixed(MICROSOFT),
};

const OUTLOOK_SCOPES = [
  'openid', 'offline_access', 'Contacts.Read', 'Contacts.ReadWrite', 'Calendars.Read', 'Calendars.Read.Shared', 'Calendars.ReadWrite',
  'Mail.ReadWrite', 'Mail.ReadWrite.Shared', 'Mail.Send', 'Mail.Send.Shared', 'MailboxSettings.Read',
];

export const microsoftOutlookOAuth2Api: CredentialType = {
  name: 'microsoftOutlookOAuth2Api', displayName: 'Microsoft Outlook OAuth2 API', testable: true, extends: ['microsoftOAuth2Api'], documentationUrl: 'microsoft',
  fields: [
    ...fixed({ ...MICROSOFT, scope: OUTLOOK_SCOPES.join(' ') }),
    { ...credentialField.flag('useShared', 'Use Shared Mailbox', false), required: false },
    credentialField.text('userPrincipalName', 'User Principal Name', { showWhen: { useShared: [true] }, description: 'The mailbox to act on, e.g. shared@contoso.com' }),
  ],
};
