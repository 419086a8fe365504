// The generic HTTP credential types (n8n's names and fields), which HTTP Request and Webhook use.
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret } = credentialField;

export const httpHeaderAuth: CredentialType = {
  name: 'httpHeaderAuth', displayName: 'Header Auth', testable: false, fields: [
    text('name', 'Name', { required: true, description: 'Header name, e.g. Authorization' }),
    secret('value', 'Value', { required: true }),
  ],
};

export const httpBasicAuth: CredentialType = {
  name: 'httpBasicAuth', displayName: 'Basic Auth', testable: false, fields: [text('user', 'User', { required: true }), secret('password', 'Password')],
};

export const httpQueryAuth: CredentialType = {
  name: 'httpQueryAuth', displayName: 'Query Auth', testable: false, fields: [
    text('name', 'Name', { required: true, description: 'Query parameter name' }),
    secret('value', 'Value', { required: true }),
  ],
};

export const httpBearerAuth: CredentialType = {
  name: 'httpBearerAuth', displayName: 'Bearer Auth', testable: false, fields: [secret('token', 'Bearer Token', { required: true })],
};
