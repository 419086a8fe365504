// n8n's `rabbitmq` credential type: its field names and defaults (hostname, port, vhost, TLS).
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret, port, flag } = credentialField;
const withTls = { showWhen: { ssl: [true] } };

export const rabbitmq: CredentialType = {
  name: 'rabbitmq', displayName: 'RabbitMQ', testable: true, fields: [
    text('hostname', 'Hostname', { required: true, format: 'host', default: 'localhost' }),
    port(5672),
    text('username', 'User', { default: 'guest' }),
    secret('password', 'Password', { default: 'guest' }),
    text('vhost', 'Vhost', { default: '/' }),
    flag('ssl', 'SSL', false),
    { ...flag('passwordless', 'Passwordless', true), ...withTls, description: 'Whether to authenticate with the client certificate (EXTERNAL) instead of the password' },
    secret('ca', 'CA Certificates', withTls),
    secret('cert', 'Client Certificate', { showWhen: { ssl: [true], passwordless: [true] } }),
    secret('key', 'Client Key', { showWhen: { ssl: [true], passwordless: [true] } }),
    secret('passphrase', 'Passphrase', { showWhen: { ssl: [true], passwordless: [true] } }),
  ],
};
