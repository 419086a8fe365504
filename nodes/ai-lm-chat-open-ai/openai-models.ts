// The models an OpenAI key can use (GET {base}/models), for the editor's model list and the
// embeddings node. On OpenAI itself the chat list keeps chat models only; another base URL lists all.
import type { ExecuteContext, ListSearchPage, LoadedOption } from '../../engine/index.ts';
import { getProviderJson } from '../ai-shared/chat-model-http.ts';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export function openAiHeaders(credentials: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${String(credentials.apiKey ?? '')}` };
  if (credentials.organizationId) headers['openai-organization'] = String(credentials.organizationId);
  if (credentials.header && typeof credentials.headerName === 'string' && credentials.headerName) headers[credentials.headerName] = String(credentials.headerValue ?? '');
  return headers;
}

export async function listOpenAiModels(credentials: Record<string, unknown>, options: { baseUrl?: string; timeoutMs: number; blockPrivateNetworks: boolean; signal?: AbortSignal; all?: boolean }): Promise<string[]> {
  const base = (options.baseUrl || String(credentials.url || '') || OPENAI_BASE_URL).replace(/\/+$/, '');
  const answer = await getProviderJson({ url: `${base}/models`, headers: openAiHeaders(credentials), timeoutMs: options.timeoutMs, blockPrivateNetworks: options.blockPrivateNetworks, signal: options.signal });
  const ids = (Array.isArray(answer.data) ? answer.data : []).map((m) => String((m as { id?: unknown }).id ?? '')).filter(Boolean);
  const onOpenAi = base.startsWith('https://api.openai.com/');
  return ids.filter((id) => options.all || !onOpenAi || isChatModel(id)).sort((a, b) => a.localeCompare(b));
}

function isChatModel(id: string): boolean {
  return id.startsWith('ft:') || id.startsWith('o1') || id.startsWith('o3') || (id.startsWith('gpt-') && !id.includes('instruct'));
}

async function modelsFor(ctx: ExecuteContext): Promise<string[]> {
  const credentials = await ctx.credentials.get('openAiApi');
  const options = (ctx.getNodeParameter('options', 0, {}) ?? {}) as { baseURL?: string };
  return listOpenAiModels(credentials, { baseUrl: options.baseURL, timeoutMs: 15_000, blockPrivateNetworks: ctx.blockPrivateNetworks, signal: ctx.signal });
}

/** The resource locator's list (n8n's searchModels): ids containing the filter text. */
export async function searchModels(ctx: ExecuteContext, filter?: string): Promise<ListSearchPage> {
  const needle = (filter ?? '').toLowerCase();
  const ids = (await modelsFor(ctx)).filter((id) => id.toLowerCase().includes(needle));
  return { results: ids.map((id) => ({ name: id, value: id })) };
}

/** The dropdown of typeVersions 1–1.1. */
export async function chatModels(ctx: ExecuteContext): Promise<LoadedOption[]> {
  return (await modelsFor(ctx)).map((id) => ({ name: id, value: id }));
}
