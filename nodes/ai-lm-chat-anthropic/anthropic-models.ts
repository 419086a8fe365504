// The editor's list of Claude models (GET /v1/models, docs.anthropic.com/en/api/models-list).
import type { ExecuteContext, ListSearchPage } from '../../engine/index.ts';
import { getProviderJson } from '../ai-shared/chat-model-http.ts';

export async function searchAnthropicModels(ctx: ExecuteContext, filter?: string): Promise<ListSearchPage> {
  const credentials = await ctx.credentials.get('anthropicApi');
  const base = String(credentials.url || 'https://api.anthropic.com').replace(/\/+$/, '');
  const answer = await getProviderJson({
    url: `${base}/v1/models?limit=1000`, headers: { 'x-api-key': String(credentials.apiKey ?? ''), 'anthropic-version': '2023-06-01' },
    timeoutMs: 15_000, blockPrivateNetworks: ctx.blockPrivateNetworks, signal: ctx.signal,
  });
  const needle = (filter ?? '').toLowerCase();
  const models = (Array.isArray(answer.data) ? answer.data : []) as Array<{ id: string; display_name?: string }>;
  return {
    results: models
      .filter((m) => !needle || m.id.toLowerCase().includes(needle) || (m.display_name ?? '').toLowerCase().includes(needle))
      .map((m) => ({ name: m.display_name || m.id, value: m.id })),
  };
}
