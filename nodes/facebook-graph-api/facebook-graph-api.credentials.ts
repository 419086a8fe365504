// n8n's facebookGraphApi credential: an access token, sent as the `access_token` query parameter.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const facebookGraphApi: CredentialType = {
  name: 'facebookGraphApi', displayName: 'Facebook Graph API', testable: true, documentationUrl: 'facebookgraph',
  fields: [credentialField.secret('accessToken', 'Access Token', { required: true })],
};
