// The Responses API request fields n8n's OpenAI Chat Model sets from its options (v1.3+), named as
// in OpenAI's API reference for POST /v1/responses, and its built-in tools (web search, file
// search, code interpreter) in the Responses API's tool shapes.
type Options = Record<string, unknown>;

function parseJson(value: unknown, fallback: unknown): unknown {
  if (typeof value !== 'string') return value ?? fallback;
  try {
    return JSON.parse(value);
  } catch {
    return fallback;
  }
}

export function responsesRequestFields(options: Options): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (options.conversationId) out.conversation = options.conversationId;
  if (options.promptCacheKey) out.prompt_cache_key = options.promptCacheKey;
  if (options.safetyIdentifier) out.safety_identifier = options.safetyIdentifier;
  if (options.serviceTier) out.service_tier = options.serviceTier;
  if (typeof options.topLogprobs === 'number' && options.topLogprobs > 0) out.top_logprobs = options.topLogprobs;
  const metadata = parseJson(options.metadata, {}) as Record<string, unknown>;
  if (metadata && Object.keys(metadata).length) out.metadata = metadata;
  if (typeof options.reasoningEffort === 'string' && ['low', 'medium', 'high'].includes(options.reasoningEffort)) out.reasoning = { effort: options.reasoningEffort };
  const text = ((options.textFormat as Options | undefined)?.textOptions as Options[] | undefined)?.[0];
  if (text?.type) {
    const format: Record<string, unknown> = { type: text.type };
    if (text.type === 'json_schema') Object.assign(format, { name: text.name ?? 'my_schema', schema: parseJson(text.schema, {}), ...(text.description ? { description: text.description } : {}), strict: text.strict === true });
    out.text = { format, ...(text.verbosity ? { verbosity: text.verbosity } : {}) };
  }
  const prompt = ((options.promptConfig as Options | undefined)?.promptOptions as Options[] | undefined)?.[0];
  if (prompt?.promptId) out.prompt = { id: prompt.promptId, ...(prompt.version ? { version: prompt.version } : {}), variables: parseJson(prompt.variables, {}) };
  return out;
}

export function builtInTools(tools: Options): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const web = tools.webSearch as Options | undefined;
  if (web) {
    const domains = String(web.allowedDomains ?? '').split(',').map((d) => d.trim()).filter(Boolean);
    const location = Object.fromEntries(['country', 'city', 'region'].filter((k) => web[k]).map((k) => [k, web[k]]));
    out.push({
      type: 'web_search', search_context_size: web.searchContextSize ?? 'medium',
      ...(domains.length ? { filters: { allowed_domains: domains } } : {}),
      ...(Object.keys(location).length ? { user_location: { type: 'approximate', ...location } } : {}),
    });
  }
  const files = tools.fileSearch as Options | undefined;
  if (files) {
    const filters = parseJson(files.filters, {}) as Record<string, unknown>;
    out.push({ type: 'file_search', vector_store_ids: parseJson(files.vectorStoreIds, []), ...(Object.keys(filters ?? {}).length ? { filters } : {}), ...(files.maxResults ? { max_num_results: files.maxResults } : {}) });
  }
  if (tools.codeInterpreter) out.push({ type: 'code_interpreter', container: { type: 'auto' } });
  return out;
}
