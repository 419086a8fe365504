// n8n's `mongoDb` credential type: a connection string, or host/port/user/password values, the
// database the node works in, and optional TLS material (CA, client certificate and key).
import { credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret, choice, flag } = credentialField;
const fromValues = { showWhen: { configurationType: ['values'] } };
const withTls = { showWhen: { tls: [true] } };

// Not required: n8n builds a mongodb+srv:// address when the port is left empty.
const port: CredentialField = { name: 'port', displayName: 'Port', type: 'number', required: false, default: 27017, secret: false, min: 0, max: 65535, ...fromValues };

export const mongoDb: CredentialType = {
  name: 'mongoDb', displayName: 'MongoDB', testable: true, documentationUrl: 'mongodb', fields: [
    { ...choice('configurationType', 'Configuration Type', ['connectionString', 'values'], 'values'),
      options: [{ name: 'Connection String', value: 'connectionString' }, { name: 'Values', value: 'values' }] },
    secret('connectionString', 'Connection String', {
      required: true, showWhen: { configurationType: ['connectionString'] },
      description: 'A MongoDB connection string (mongodb:// or mongodb+srv://); the values below are then ignored, except the database',
    }),
    text('host', 'Host', { default: 'localhost', ...fromValues }),
    text('database', 'Database', { description: 'The database the node works in; give it even with a connection string' }),
    text('user', 'User', fromValues),
    secret('password', 'Password', fromValues),
    port,
    flag('tls', 'Use TLS', false),
    secret('ca', 'CA Certificate', withTls),
    secret('cert', 'Public Client Certificate', withTls),
    secret('key', 'Private Client Key', withTls),
    secret('passphrase', 'Passphrase', withTls),
  ],
};
