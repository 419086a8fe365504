// The SSH node's credential types, with n8n's names, fields and defaults.
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret, host, port } = credentialField;

export const sshPassword: CredentialType = {
  name: 'sshPassword', displayName: 'SSH Password', testable: true, fields: [
    host(), port(22), text('username', 'Username', { required: true }), secret('password', 'Password'),
  ],
};

export const sshPrivateKey: CredentialType = {
  name: 'sshPrivateKey', displayName: 'SSH Private Key', testable: true, fields: [
    host(), port(22), text('username', 'Username', { required: true }),
    secret('privateKey', 'Private Key', { required: true }),
    secret('passphrase', 'Passphrase', { description: 'Passphrase used to create the key, if no passphrase was used leave empty' }),
  ],
};
