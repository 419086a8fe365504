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

/** n8n's Custom Auth: JSON with `headers`, `qs` and `body` objects merged into each request. */
export const httpCustomAuth: CredentialType = {
  name: 'httpCustomAuth', displayName: 'Custom Auth', testable: false, fields: [
    secret('json', 'JSON', { required: true, description: 'e.g. {"headers": {"X-Key": "…"}, "qs": {"key": "…"}, "body": {"key": "…"}}' }),
  ],
};

/** Client certificates (PEM) for HTTPS: the CA to trust, the certificate and key to present. */
export const httpSslAuth: CredentialType = {
  name: 'httpSslAuth', displayName: 'SSL Certificates', testable: false, fields: [
    secret('ca', 'CA', { description: 'Certificate Authority certificate (PEM)' }),
    secret('cert', 'Certificate', { description: 'Client certificate (PEM)' }),
    secret('key', 'Private Key', { description: 'Client private key (PEM)' }),
    secret('passphrase', 'Passphrase', { description: 'Passphrase of the private key, if it has one' }),
  ],
};
