// The HubSpot credential tests, as n8n's: a deals page with the API key (`hapikey`) or the app
// token (Bearer); a 401 means the key or token is wrong. Messages never include either.
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { hubspotBaseUrl, hubspotSaid } from './hubspot-api.ts';

export async function testHubspotCredential(
  type: 'hubspotApi' | 'hubspotAppToken', data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {},
): Promise<string> {
  const secret = String((type === 'hubspotApi' ? data.apiKey : data.appToken) ?? '');
  if (!secret) throw new Error(type === 'hubspotApi' ? 'The API key is empty' : 'The app token is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  const url = `${hubspotBaseUrl()}/deals/v1/deal/paged${type === 'hubspotApi' ? `?hapikey=${encodeURIComponent(secret)}` : ''}`;
  const headers: Record<string, string> = { accept: 'application/json', ...(type === 'hubspotAppToken' ? { authorization: `Bearer ${secret}` } : {}) };
  try {
    const response = await send(transport, { method: 'GET', url, headers }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    if (response.statusCode === 401) throw new Error('Invalid credentials');
    if (response.statusCode >= 400) throw new Error(`HubSpot answered ${response.statusCode}: ${hubspotSaid(response.body.toString('utf8'))}`);
    return 'Authentication successful';
  } catch (error) {
    if (error instanceof Error && /^(Invalid credentials|HubSpot answered)/.test(error.message)) throw error;
    throw new Error(serviceCallError('HubSpot', error, 0).message);
  } finally {
    await transport.close();
  }
}
