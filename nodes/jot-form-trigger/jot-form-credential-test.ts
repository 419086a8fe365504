// The check of the jotFormApi credential: GET /user with the key must answer the account.
import { jotFormExchange } from './jot-form-api.ts';

export async function testJotFormCredential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  if (!data.apiKey) throw new Error('The API key is empty');
  try {
    await jotFormExchange({ nodeName: 'JotForm', signal: new AbortController().signal, blockPrivateNetworks: options.blockPrivateNetworks ?? false, timeoutMs }, data, 'GET', '/user');
  } catch (error) {
    const details = (error as { details?: { description?: string } }).details?.description;
    throw new Error(`${(error as Error).message}${details ? `: ${details}` : ''}`);
  }
  return 'Connection tested successfully';
}
