// The check of n8n's linearApi credential: a `viewer` query with the key; Linear answering an
// AUTHENTICATION_ERROR means the key is wrong.
import { linearPost } from './linear-api.ts';

export async function testLinearCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  const apiKey = String(data.apiKey ?? '');
  if (!apiKey) throw new Error('The API key is empty');
  const ctx = { signal: AbortSignal.timeout(timeoutMs), blockPrivateNetworks: options.blockPrivateNetworks ?? false, node: { name: 'Linear' } };
  try {
    await linearPost(ctx, apiKey, { query: 'query Viewer { viewer { id name } }', variables: {} });
  } catch (error) {
    const message = (error as Error).message;
    if (/authenticat/i.test(message)) throw new Error('The security token included in the request is invalid');
    throw new Error(message);
  }
  return 'Connection successful!';
}
