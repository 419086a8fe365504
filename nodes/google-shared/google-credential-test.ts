// The Google service account credential test, as n8n's Google nodes do it: sign an assertion with
// the key and have Google's token endpoint accept it. Messages never include the key or the token.
import { createTransport } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { GOOGLE_SHEETS_SCOPES } from './google.credentials.ts';
import { exchangeServiceAccountToken, GoogleTokenError } from './google-auth.ts';

export async function testGoogleApiCredential(
  data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {},
): Promise<string> {
  const email = String(data.email ?? '').trim();
  const privateKey = String(data.privateKey ?? '');
  if (!email) throw new Error('The service account email is empty');
  if (!privateKey.trim()) throw new Error('The private key is empty');
  const blockPrivateNetworks = options.blockPrivateNetworks ?? false;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    // Like n8n, a stored delegated email is used whatever the impersonation switch says.
    const delegatedEmail = typeof data.delegatedEmail === 'string' ? data.delegatedEmail : undefined;
    await exchangeServiceAccountToken(transport, { email, privateKey, delegatedEmail }, GOOGLE_SHEETS_SCOPES, {
      signal: new AbortController().signal, blockPrivateNetworks, timeoutMs,
    });
    return 'Connection tested successfully';
  } catch (error) {
    if (error instanceof GoogleTokenError) throw new Error(error.message);
    throw new Error(serviceCallError('Google', error, 0).message);
  } finally {
    await transport.close();
  }
}
