// The OpenAI SDK client for one node run, built from the openAiApi credential (key, organization,
// base URL), and n8n's wording for the errors the API answers with.
import type OpenAI from 'openai';
import { NodeOperationError, type ExecuteContext } from '../../engine/index.ts';
import { checkBaseUrl } from '../ai-shared/chat-model-params.ts';
import { OPENAI_BASE_URL } from '../ai-lm-chat-open-ai/openai-models.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';

export async function openAiClient(ctx: ExecuteContext): Promise<OpenAI> {
  // The SDK loads on first use, not with the node registry.
  const { default: OpenAIClient } = await import('openai');
  const credentials = await ctx.credentials.get('openAiApi');
  const headers: Record<string, string> = {};
  if (credentials.header && typeof credentials.headerName === 'string' && credentials.headerName) headers[credentials.headerName] = String(credentials.headerValue ?? '');
  return new OpenAIClient({
    apiKey: String(credentials.apiKey ?? ''),
    // Explicit nulls: the SDK would otherwise read OPENAI_ORG_ID / OPENAI_PROJECT_ID from the host.
    organization: credentials.organizationId ? String(credentials.organizationId) : null,
    project: null,
    baseURL: checkBaseUrl(ctx, String(credentials.url || OPENAI_BASE_URL)),
    defaultHeaders: headers,
    // n8n's node sends each request once; retrying is the node's Retry On Fail setting.
    maxRetries: 0,
  });
}

/** n8n's messages for OpenAI's own error codes (rate limits come in several kinds). */
const CUSTOM_MESSAGES: Record<string, string> = {
  insufficient_quota: 'Insufficient quota detected. Learn more about resolving this issue at https://docs.n8n.io/integrations/builtin/app-nodes/n8n-nodes-langchain.openai/common-issues/#insufficient-quota',
  rate_limit_exceeded: 'OpenAI: Rate limit reached',
};

/** A failed call as the node reports it: n8n's message for the status, OpenAI's own text as the description. */
export function openAiError(ctx: ExecuteContext, error: unknown, itemIndex: number): NodeOperationError {
  const api = error as { status?: unknown; code?: unknown; error?: { message?: unknown } };
  if (typeof api.status !== 'number') return serviceCallError(ctx.node.name, error, itemIndex);
  const detail = typeof api.error?.message === 'string' ? api.error.message : error instanceof Error ? error.message : String(error);
  const custom = typeof api.code === 'string' ? CUSTOM_MESSAGES[api.code] : undefined;
  return new NodeOperationError(ctx.node.name, custom ?? apiStatusMessage(api.status), { itemIndex, description: detail });
}
