// Twilio's credential type with n8n's name and fields: the account SID with either its auth token or
// an API key (SID and secret), sent as HTTP Basic auth.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const twilioApi: CredentialType = {
  name: 'twilioApi', displayName: 'Twilio API', testable: true, documentationUrl: 'twilio',
  fields: [
    { ...credentialField.choice('authType', 'Auth Type', ['authToken', 'apiKey'], 'authToken'),
      options: [{ name: 'Auth Token', value: 'authToken' }, { name: 'API Key', value: 'apiKey' }] },
    credentialField.text('accountSid', 'Account SID', { required: true }),
    credentialField.secret('authToken', 'Auth Token', { showWhen: { authType: ['authToken'] } }),
    credentialField.text('apiKeySid', 'API Key SID', { showWhen: { authType: ['apiKey'] } }),
    credentialField.secret('apiKeySecret', 'API Key Secret', { showWhen: { authType: ['apiKey'] } }),
  ],
};
