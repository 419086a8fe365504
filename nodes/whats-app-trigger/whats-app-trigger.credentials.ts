// n8n's whatsAppTriggerApi credential: the Meta app's ID and secret. The trigger trades them for an
// app access token (client_credentials) to manage the app's webhook subscription, and the secret
// checks the X-Hub-Signature-256 of each delivery.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const whatsAppTriggerApi: CredentialType = {
  name: 'whatsAppTriggerApi', displayName: 'WhatsApp OAuth API', testable: true, documentationUrl: 'whatsapp',
  fields: [
    credentialField.text('clientId', 'Client ID', { required: true }),
    credentialField.secret('clientSecret', 'Client Secret', { required: true }),
  ],
};
