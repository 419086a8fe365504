// n8n's stripeApi credential: the secret key (sent as `Bearer <key>`) and, as in n8n's newer
// releases, an optional endpoint signing secret (`whsec_…`) used to check deliveries.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const stripeApi: CredentialType = {
  name: 'stripeApi', displayName: 'Stripe API', testable: true, documentationUrl: 'stripe',
  fields: [
    credentialField.secret('secretKey', 'Secret Key', { required: true }),
    credentialField.secret('signatureSecret', 'Signature Secret', { description: 'The signing secret of the webhook endpoint (whsec_…), used to verify deliveries' }),
  ],
};
