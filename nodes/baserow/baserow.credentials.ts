// n8n's Baserow credential (baserowApi): the instance's host and an account's username and
// password, exchanged for a JWT on each run as n8n does.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const baserowApi: CredentialType = {
  name: 'baserowApi', displayName: 'Baserow API', testable: true, documentationUrl: 'baserow',
  fields: [
    credentialField.text('host', 'Host', { default: 'https://api.baserow.io', format: 'url', required: true }),
    credentialField.text('username', 'Username', { default: '' }),
    credentialField.secret('password', 'Password', { default: '' }),
  ],
};
