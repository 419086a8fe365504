// n8n's `mqtt` credential type: its field names and defaults.
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret, port, flag, choice } = credentialField;
const withTls = { showWhen: { ssl: [true] } };

export const mqtt: CredentialType = {
  name: 'mqtt', displayName: 'MQTT', testable: true, fields: [
    choice('protocol', 'Protocol', ['mqtt', 'mqtts', 'ws'], 'mqtt'),
    text('host', 'Host', { required: true, format: 'host' }),
    port(1883),
    text('username', 'Username'),
    secret('password', 'Password'),
    flag('clean', 'Clean Session', true),
    text('clientId', 'Client ID', { description: 'Client ID; a random one when empty' }),
    flag('ssl', 'SSL', false),
    { ...flag('passwordless', 'Passwordless', true), ...withTls },
    secret('ca', 'CA Certificates', withTls),
    { ...flag('rejectUnauthorized', 'Reject Unauthorized Certificate', false), ...withTls },
    secret('cert', 'Client Certificate', withTls),
    secret('key', 'Client Key', withTls),
  ],
};
