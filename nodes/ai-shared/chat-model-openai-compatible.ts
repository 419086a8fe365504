// What n8n's chat models on OpenAI-compatible APIs (DeepSeek, OpenRouter, Azure) share: the
// options collection (penalties, max tokens, JSON mode, temperature, timeout, retries, top P) and
// the ChatOpenAI fields built from it.
import type { ChatOpenAIFields } from '@langchain/openai';
import type { NodeProperty } from '../../domain/index.ts';
import type { ExecuteContext, LoadedOption } from '../../engine/index.ts';
import { getProviderJson } from './chat-model-http.ts';
import { defined, setNumber } from './chat-model-params.ts';

const n = (displayName: string, name: string, value: number, typeOptions?: Record<string, unknown>): NodeProperty =>
  ({ displayName, name, type: 'number', default: value, ...(typeOptions ? { typeOptions } : {}) });

export const JSON_PROMPT_NOTICE: NodeProperty = {
  displayName: 'With a JSON response format, the prompt of the chain or agent must contain the word "json"; use models released after November 2023.',
  name: 'notice', type: 'notice', default: '', displayOptions: { show: { '/options.responseFormat': ['json_object'] } },
};

export function compatibleOptions(settings: { timeout: number; maxTokensMax?: number; timeoutName?: string; extra?: NodeProperty[] }): NodeProperty {
  return {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', description: 'Additional options to add',
    options: [
      n('Frequency Penalty', 'frequencyPenalty', 0, { maxValue: 2, minValue: -2, numberPrecision: 1 }),
      n('Maximum Number of Tokens', 'maxTokens', -1, { maxValue: settings.maxTokensMax ?? 32768 }),
      {
        displayName: 'Response Format', name: 'responseFormat', type: 'options', default: 'text',
        options: [{ name: 'Text', value: 'text', description: 'Plain text' }, { name: 'JSON', value: 'json_object', description: 'JSON mode: the answer is valid JSON' }],
      },
      n('Presence Penalty', 'presencePenalty', 0, { maxValue: 2, minValue: -2, numberPrecision: 1 }),
      n('Sampling Temperature', 'temperature', 0.7, { maxValue: 2, minValue: 0, numberPrecision: 1 }),
      { ...n(settings.timeoutName ?? 'Timeout', 'timeout', settings.timeout), description: 'How long one request may take, in milliseconds' },
      n('Max Retries', 'maxRetries', 2),
      n('Top P', 'topP', 1, { maxValue: 1, minValue: 0, numberPrecision: 1 }),
      ...(settings.extra ?? []),
    ],
  };
}

/** The sampling, size, timeout and retry fields every OpenAI-style options collection sets (unset ones left out). */
export function samplingFields(options: Record<string, unknown>): Partial<ChatOpenAIFields> {
  return {
    ...defined({
      frequencyPenalty: setNumber(options.frequencyPenalty),
      presencePenalty: setNumber(options.presencePenalty),
      temperature: setNumber(options.temperature),
      topP: setNumber(options.topP),
      maxTokens: setNumber(options.maxTokens),
      timeout: setNumber(options.timeout),
    }),
    maxRetries: typeof options.maxRetries === 'number' ? options.maxRetries : 2,
  };
}

/** ChatOpenAI fields from that collection; `response_format` and any `extraKwargs` go into the body as they are. */
export function compatibleFields(options: Record<string, unknown>, extraKwargs: Record<string, unknown> = {}): Partial<ChatOpenAIFields> {
  const modelKwargs = { ...(options.responseFormat ? { response_format: { type: options.responseFormat } } : {}), ...extraKwargs };
  return {
    ...samplingFields(options),
    ...(Object.keys(modelKwargs).length ? { modelKwargs } : {}),
  };
}

/** The model dropdown of an OpenAI-compatible provider: `GET {base}/models`, ids sorted (n8n's loadOptions routing). */
export function modelListLoader(credentialType: string, baseOf: (credentials: Record<string, unknown>) => string, keep: (model: Record<string, unknown>) => boolean = () => true) {
  return async (ctx: ExecuteContext): Promise<LoadedOption[]> => {
    const credentials = await ctx.credentials.get(credentialType);
    const headers: Record<string, string> = credentials.apiKey ? { authorization: `Bearer ${String(credentials.apiKey)}` } : {};
    const answer = await getProviderJson({ url: `${baseOf(credentials).replace(/\/+$/, '')}/models`, headers, timeoutMs: 15_000, blockPrivateNetworks: ctx.blockPrivateNetworks, signal: ctx.signal });
    const models = (Array.isArray(answer.data) ? answer.data : []) as Array<Record<string, unknown>>;
    return models.filter(keep).map((m) => String(m.id)).sort((a, b) => a.localeCompare(b)).map((id) => ({ name: id, value: id }));
  };
}
