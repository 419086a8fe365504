// The openAiApi credential test, as n8n's: list the models with the key. Errors say what OpenAI
// said (its message names a wrong key only by its last characters), never the key itself.
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { callOpenAi, openAiCredentials, OpenAiApiError } from './open-ai-api.ts';

export async function testOpenAiCredential(data: Record<string, unknown>, timeoutMs: number, blockPrivateNetworks = false): Promise<string> {
  const credentials = openAiCredentials(data);
  if (!credentials.apiKey) throw new Error('The API key is empty');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const answer = await callOpenAi({ transport, signal: AbortSignal.timeout(timeoutMs), blockPrivateNetworks, nodeName: 'OpenAI' }, credentials, 'GET', '/v1/models');
    const count = Array.isArray(answer.data) ? answer.data.length : 0;
    return `Connection successful: ${count} model${count === 1 ? '' : 's'} available`;
  } catch (error) {
    if (error instanceof OpenAiApiError) throw new Error(`${error.message}: ${error.serviceMessage}`);
    throw new Error(errorMessage(error).split(credentials.apiKey).join('***'));
  } finally {
    await transport.close();
  }
}
