// WhatsApp Business Cloud's credential type with n8n's name and fields: a (system user) access token
// and the WhatsApp Business Account ID whose phone numbers and templates the node lists.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const whatsAppApi: CredentialType = {
  name: 'whatsAppApi', displayName: 'WhatsApp API', testable: true, documentationUrl: 'whatsApp',
  fields: [
    credentialField.secret('accessToken', 'Access Token', { required: true }),
    credentialField.text('businessAccountId', 'Business Account ID', { required: true }),
  ],
};
