// The check of n8n's stripeApi credential: GET /v1/charges with the secret key as Bearer; an error
// body says why the key was refused. Messages never include the key.
import { createTransport, send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { stripeBaseUrl, stripeErrorMessage } from './stripe-api.ts';

export async function testStripeCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const key = String(data.secretKey ?? '');
  if (!key) throw new Error('The secret key is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    let response;
    try {
      response = await send(transport, { method: 'GET', url: `${stripeBaseUrl()}/v1/charges`, headers: { authorization: `Bearer ${key}`, accept: 'application/json' } },
        { timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks });
    } catch (error) {
      throw new Error(serviceCallError('Stripe', error, 0).message);
    }
    if (response.statusCode >= 400) {
      const said = stripeErrorMessage(response.body.toString('utf8')).message;
      throw new Error(`${apiStatusMessage(response.statusCode)}${said ? `: ${said}` : ''}`);
    }
    return 'Connection tested successfully';
  } finally {
    await transport.close();
  }
}
