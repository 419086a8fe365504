// The FTP node's credential types, with n8n's names, fields and defaults: plain FTP, and SFTP
// (password or private key with optional passphrase).
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret, host, port } = credentialField;

export const ftp: CredentialType = {
  name: 'ftp', displayName: 'FTP', testable: true, fields: [
    host(), port(21), text('username', 'Username'), secret('password', 'Password'),
  ],
};

export const sftp: CredentialType = {
  name: 'sftp', displayName: 'SFTP', testable: true, fields: [
    host(), port(22), text('username', 'Username', { required: true }), secret('password', 'Password'),
    secret('privateKey', 'Private Key', { description: 'String that contains a private key for either key-based or hostbased user authentication (OpenSSH format)' }),
    secret('passphrase', 'Passphrase', { description: 'For an encrypted private key, this is the passphrase used to decrypt it' }),
  ],
};
