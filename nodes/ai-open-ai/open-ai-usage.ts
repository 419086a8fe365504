// The OpenAI node calls the model's API itself (no chat model sub-node), so it records each call
// through the engine (startModelCall): the request, the answer, tokens and cost, counted in the
// run's and the workflow's AI totals as a chat model sub-node's calls are.
import type { AiUsage, ExecuteContext, JsonObject } from '../../engine/index.ts';
import { costUsd } from '../ai-shared/model-prices.ts';

/** Chat Completions' and the Responses API's usage fields. */
interface ApiUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  input_tokens?: number;
  output_tokens?: number;
  total_tokens?: number;
}

function usageOf(model: string, usage: ApiUsage | undefined): AiUsage {
  const promptTokens = usage?.prompt_tokens ?? usage?.input_tokens ?? 0;
  const completionTokens = usage?.completion_tokens ?? usage?.output_tokens ?? 0;
  const cost = costUsd(model, promptTokens, completionTokens);
  return { model, promptTokens, completionTokens, totalTokens: usage?.total_tokens ?? promptTokens + completionTokens, ...(cost !== undefined ? { costUsd: cost } : {}) };
}

/** Runs one model call of the node, recorded with what was sent, what came back and what it cost. */
export async function recordedModelCall<T extends { usage?: unknown; model?: string }>(
  ctx: ExecuteContext, request: Record<string, unknown>, call: () => Promise<T>,
): Promise<T> {
  const recording = ctx.startModelCall?.({ request: JSON.parse(JSON.stringify(request)) as JsonObject });
  try {
    const response = await call();
    await recording?.end({ response: JSON.parse(JSON.stringify(response)) as JsonObject }, usageOf(response.model ?? String(request.model ?? ''), response.usage as ApiUsage | undefined));
    return response;
  } catch (error) {
    await recording?.fail(error);
    throw error;
  }
}
