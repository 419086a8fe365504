// The IMAP credential type (n8n's `imap`): its names and defaults, with the certificate switch
// that n8n moved from the v1 node's options into the credential.
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret, host, port, flag } = credentialField;

export const imap: CredentialType = {
  name: 'imap', displayName: 'IMAP', testable: true, fields: [
    text('user', 'User'), secret('password', 'Password'), host(), port(993), flag('secure', 'SSL/TLS', true),
    { ...flag('allowUnauthorizedCerts', 'Allow Self-Signed Certificates', false), required: false, description: 'Whether to connect even if SSL certificate validation is not possible' },
  ],
};
