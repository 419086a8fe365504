// n8n's TOTP credential: the shared base32 secret of an account and its label (issuer:username).
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret } = credentialField;

export const totpApi: CredentialType = {
  name: 'totpApi', displayName: 'TOTP API', testable: false, fields: [
    secret('secret', 'Secret', { required: true, description: 'Secret key encoded in the QR code during setup (base32)' }),
    text('label', 'Label', { required: true, description: 'Identifier for the TOTP account, in the issuer:username format' }),
  ],
};
