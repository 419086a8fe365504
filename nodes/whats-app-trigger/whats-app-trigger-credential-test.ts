// The check of n8n's whatsAppTriggerApi credential: Meta must hand out an app access token for the
// client id and secret (POST /oauth/access_token, client_credentials).
import { appAccessToken } from './whats-app-graph-api.ts';

export async function testWhatsAppTriggerCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  if (!data.clientId || !data.clientSecret) throw new Error('The client ID and secret are both needed');
  try {
    await appAccessToken('WhatsApp', data, { signal: new AbortController().signal, blockPrivateNetworks: options.blockPrivateNetworks ?? false, timeoutMs });
  } catch (error) {
    const details = (error as { details?: { description?: string } }).details?.description;
    throw new Error(`${(error as Error).message}${details ? `: ${details}` : ''}`);
  }
  return 'Connection tested successfully';
}
