// The supabaseApi credential test, as n8n's: the REST API's description (`GET <host>/rest/v1/`)
// with the service role secret. Errors say what Supabase said, never the secret.
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { callSupabase, supabaseCredentials, SupabaseApiError } from './supabase-api.ts';

export async function testSupabaseCredential(data: Record<string, unknown>, timeoutMs: number, blockPrivateNetworks = false): Promise<string> {
  const credentials = supabaseCredentials(data);
  if (!credentials.host) throw new Error('The host is empty');
  if (!credentials.serviceRole) throw new Error('The service role secret is empty');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    await callSupabase({ transport, signal: AbortSignal.timeout(timeoutMs), blockPrivateNetworks, nodeName: 'Supabase' }, credentials, { method: 'GET', path: '/' });
    return 'Connection successful!';
  } catch (error) {
    if (error instanceof SupabaseApiError) throw new Error(`The Service Key is invalid: ${error.message} (${error.serviceMessage})`);
    throw new Error(errorMessage(error).split(credentials.serviceRole).join('***'));
  } finally {
    await transport.close();
  }
}
