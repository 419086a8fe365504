// n8n's Supabase credential (supabaseApi): the project URL and the service role secret, sent as
// both the apikey header and a Bearer token.
import { credentialField, type CredentialType } from '../../domain/index.ts';

const { text, secret } = credentialField;

export const supabaseApi: CredentialType = {
  name: 'supabaseApi', displayName: 'Supabase API', testable: true, documentationUrl: 'supabase',
  authenticate: { type: 'generic', properties: { headers: { apikey: '={{$credentials.serviceRole}}', Authorization: '=Bearer {{$credentials.serviceRole}}' } } }, fields: [
    text('host', 'Host', { required: true, description: 'The project URL, e.g. https://your_account.supabase.co' }),
    secret('serviceRole', 'Service Role Secret', { required: true }),
  ],
};
