// Credential tests of the AI model providers: each lists the provider's models with the key, the
// cheapest call that proves the key works, and says how many models it may use. Errors carry the
// provider's message, never the key.
import { errorMessage } from '../shared/items.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { getProviderJson } from './chat-model-http.ts';

type Data = Record<string, unknown>;
const str = (value: unknown, fallback = '') => (typeof value === 'string' && value.trim() ? value.trim().replace(/\/+$/, '') : fallback);

async function countModels(data: Data, url: string, headers: Record<string, string>, timeoutMs: number, blockPrivateNetworks: boolean, listKey = 'data'): Promise<string> {
  const secret = str(data.apiKey);
  try {
    const answer = await getProviderJson({ url, headers, timeoutMs, blockPrivateNetworks });
    const list = answer[listKey];
    const count = Array.isArray(list) ? list.length : 0;
    return `Connection successful: ${count} model${count === 1 ? '' : 's'} available`;
  } catch (error) {
    const message = errorMessage(error);
    throw new Error(secret ? message.split(secret).join('***') : message);
  }
}

function requireKey(data: Data): string {
  const key = str(data.apiKey);
  if (!key) throw new Error('The API key is empty');
  return key;
}

export async function testAnthropicCredential(data: Data, timeoutMs: number, blockPrivateNetworks = false): Promise<string> {
  const headers: Record<string, string> = { 'x-api-key': requireKey(data), 'anthropic-version': '2023-06-01' };
  if (data.header && typeof data.headerName === 'string' && data.headerName) headers[data.headerName] = String(data.headerValue ?? '');
  return countModels(data, `${str(data.url, 'https://api.anthropic.com')}/v1/models`, headers, timeoutMs, blockPrivateNetworks);
}

export async function testGooglePalmCredential(data: Data, timeoutMs: number, blockPrivateNetworks = false): Promise<string> {
  const headers = { 'x-goog-api-key': requireKey(data) };
  return countModels(data, `${str(data.host, 'https://generativelanguage.googleapis.com')}/v1beta/models`, headers, timeoutMs, blockPrivateNetworks, 'models');
}

export async function testOllamaCredential(data: Data, timeoutMs: number, blockPrivateNetworks = false): Promise<string> {
  const key = str(data.apiKey);
  return countModels(data, `${str(data.baseUrl, 'http://localhost:11434')}/api/tags`, key ? { authorization: `Bearer ${key}` } : {}, timeoutMs, blockPrivateNetworks, 'models');
}

/** OpenAI-compatible providers: Bearer key, `GET {base}/models`. */
const bearerModels = (fixedBase: (data: Data) => string) => async (data: Data, timeoutMs: number, blockPrivateNetworks = false): Promise<string> =>
  countModels(data, `${fixedBase(data)}/models`, { authorization: `Bearer ${requireKey(data)}` }, timeoutMs, blockPrivateNetworks);

export const testMistralCloudCredential = bearerModels(() => `${serviceUrl('mistral', 'https://api.mistral.ai')}/v1`);
export const testGroqCredential = bearerModels(() => `${serviceUrl('groq', 'https://api.groq.com')}/openai/v1`);
export const testDeepSeekCredential = bearerModels((data) => str(data.url, 'https://api.deepseek.com'));
export const testOpenRouterCredential = bearerModels((data) => str(data.url, 'https://openrouter.ai/api/v1'));

/** Azure lists the models a resource offers at `/openai/models` (data-plane API, api-key header). */
export async function testAzureOpenAiCredential(data: Data, timeoutMs: number, blockPrivateNetworks = false): Promise<string> {
  const key = requireKey(data);
  const base = str(data.endpoint) || `https://${str(data.resourceName)}.openai.azure.com`;
  const version = encodeURIComponent(str(data.apiVersion, '2025-03-01-preview'));
  return countModels(data, `${base}/openai/models?api-version=${version}`, { 'api-key': key }, timeoutMs, blockPrivateNetworks);
}
