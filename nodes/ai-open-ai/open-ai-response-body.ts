// The Responses API request for Create a Model Response, built as n8n builds it: message rows as
// input items (text, image by URL / file id / binary, file), options as request fields, built-in
// tools beside the connected ones, and empty fields left out.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { fixedValues } from '../shared/params.ts';

const isEmpty = (value: unknown) =>
  value === '' || value === undefined || (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
/** n8n drops empty strings, undefined and empty objects from the request. */
const compact = (fields: JsonObject): JsonObject => Object.fromEntries(Object.entries(fields).filter(([, v]) => !isEmpty(v)));
/** A single fixedCollection group: stored as an object, or as a one-entry list (n8n's defaults). */
const group = (value: unknown, key: string): JsonObject | undefined => {
  const inner = (value as JsonObject | undefined)?.[key];
  return (Array.isArray(inner) ? inner[0] : inner) as JsonObject | undefined;
};
const list = (text: string) => text.split(',').map((e) => e.trim());

function parseJson(ctx: ExecuteContext, value: unknown, errorMessage: string, itemIndex: number): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new NodeOperationError(ctx.node.name, errorMessage, { itemIndex });
  }
}

function inputItems(ctx: ExecuteContext, i: number): JsonObject[] {
  return fixedValues(ctx, 'responses', 'values', i).map((row) => {
    const role = row.role ?? 'user';
    if (row.type === 'image') {
      const detail = row.imageDetail || 'auto';
      if (row.imageType === 'base64') {
        const { buffer, binary } = binaryBuffer(ctx.node.name, ctx.getInputData()[i], String(row.binaryPropertyName ?? 'data'), i);
        return { role, content: [{ type: 'input_image', detail, image_url: `data:${binary.mimeType};base64,${buffer.toString('base64')}` }] };
      }
      const source = row.imageType === 'fileId' ? { file_id: row.fileId } : { image_url: row.imageUrl };
      return { role, content: [{ type: 'input_image', detail, ...source }] };
    }
    if (row.type === 'file') {
      const source = row.fileType === 'fileId' ? { file_id: row.fileId } : row.fileType === 'base64' ? { file_data: row.fileData } : { file_url: row.fileUrl };
      return { role, content: [{ type: 'input_file', ...(row.fileName ? { file_name: row.fileName } : {}), ...source }] };
    }
    return { role, content: [{ type: 'input_text', text: row.content ?? '' }] };
  });
}

function builtInTools(ctx: ExecuteContext, i: number, builtIn: JsonObject): JsonObject[] {
  const tools: JsonObject[] = [];
  const web = builtIn.webSearch as JsonObject | undefined;
  if (web) {
    const location = web.country || web.city || web.region ? { type: 'approximate', country: web.country, city: web.city, region: web.region } : undefined;
    tools.push(compact({
      type: 'web_search', search_context_size: web.searchContextSize ?? 'medium', user_location: location,
      ...(web.allowedDomains ? { filters: { allowed_domains: list(String(web.allowedDomains)) } } : {}),
    }));
  }
  if (builtIn.codeInterpreter) tools.push({ type: 'code_interpreter', container: { type: 'auto' } });
  const files = builtIn.fileSearch as JsonObject | undefined;
  if (files) {
    tools.push(compact({
      type: 'file_search',
      vector_store_ids: parseJson(ctx, files.vectorStoreIds ?? '[]', 'Failed to parse vector store IDs', i),
      filters: files.filters ? parseJson(ctx, files.filters, 'Failed to parse filters', i) as JsonObject : undefined,
      max_num_results: files.maxResults,
    }));
  }
  return tools;
}

function textConfig(ctx: ExecuteContext, i: number, options: JsonObject, input: JsonObject[]): JsonObject | undefined {
  const text = group(options.textFormat, 'textOptions');
  if (!text) return undefined;
  const config: JsonObject = { verbosity: text.verbosity };
  if (text.type === 'json_schema') config.format = compact({ type: 'json_schema', name: text.name, schema: parseJson(ctx, text.schema, 'Failed to parse schema', i) });
  else if (text.type === 'json_object') {
    config.format = { type: 'json_object' };
    input.unshift({ role: 'system', content: [{ type: 'input_text', text: 'You are a helpful assistant designed to output JSON.' }] });
  } else if (text.type === 'text') config.format = { type: 'text' };
  return config;
}

export async function createResponseBody(ctx: ExecuteContext, i: number, request: { model: string; options: JsonObject; tools?: JsonObject[] }): Promise<JsonObject> {
  const { model, options } = request;
  const input = inputItems(ctx, i);
  const reasoning = group(options.reasoning, 'reasoningOptions');
  const prompt = group(options.promptConfig, 'promptOptions');
  const text = textConfig(ctx, i, options, input);
  const builtIn = (ctx.getNodeParameter('builtInTools', i, {}) ?? {}) as JsonObject;
  const tools = [...(request.tools ?? []), ...builtInTools(ctx, i, builtIn)];
  return compact({
    model,
    input: input as unknown as JsonObject,
    parallel_tool_calls: options.parallelToolCalls ?? true,
    store: options.store ?? true,
    instructions: options.instructions,
    max_output_tokens: options.maxTokens,
    previous_response_id: options.previousResponseId,
    prompt_cache_key: options.promptCacheKey,
    safety_identifier: options.safetyIdentifier,
    service_tier: options.serviceTier,
    temperature: options.temperature,
    top_p: options.topP,
    top_logprobs: options.topLogprobs,
    tools: tools.length ? (tools as unknown as JsonObject) : undefined,
    max_tool_calls: options.maxToolCalls,
    background: false,
    truncation: options.truncation === undefined ? undefined : options.truncation ? 'auto' : 'disabled',
    conversation: options.conversationId || undefined,
    include: Array.isArray(options.include) && options.include.length ? options.include : undefined,
    metadata: options.metadata ? parseJson(ctx, options.metadata, 'Failed to parse metadata', i) : undefined,
    prompt: prompt ? compact({ id: prompt.promptId, version: prompt.version, ...(prompt.variables ? { variables: parseJson(ctx, prompt.variables, 'Failed to parse prompt variables', i) } : {}) }) : undefined,
    reasoning: reasoning ? compact({ effort: reasoning.effort, summary: reasoning.summary && reasoning.summary !== 'none' ? reasoning.summary : undefined }) : undefined,
    text,
  });
}
