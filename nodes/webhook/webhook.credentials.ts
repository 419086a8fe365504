// n8n's JWT Auth, with which a Webhook checks the caller's token: a shared passphrase (HS*) or a PEM
// key pair (RS*, ES*, PS*).
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret, choice } = credentialField;

export const jwtAuth: CredentialType = {
  name: 'jwtAuth', displayName: 'JWT Auth', testable: false, fields: [
    choice('keyType', 'Key Type', ['passphrase', 'pemKey'], 'passphrase'),
    secret('secret', 'Secret', { showWhen: { keyType: ['passphrase'] } }),
    secret('privateKey', 'Private Key', { showWhen: { keyType: ['pemKey'] } }),
    text('publicKey', 'Public Key', { showWhen: { keyType: ['pemKey'] } }),
    choice('algorithm', 'Algorithm', ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512'], 'HS256'),
  ],
};
