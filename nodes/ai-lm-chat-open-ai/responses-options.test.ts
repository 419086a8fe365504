import { describe, expect, it } from 'vitest';
import { builtInTools, responsesRequestFields } from './responses-options.ts';

describe('Responses API fields from the node options', () => {
  it('maps the options to the request fields of POST /v1/responses', () => {
    expect(responsesRequestFields({
      conversationId: 'conv_1', promptCacheKey: 'k', safetyIdentifier: 'user-7', serviceTier: 'flex', topLogprobs: 3, metadata: '{"a":"b"}', reasoningEffort: 'high',
      textFormat: { textOptions: [{ type: 'json_schema', name: 'answer', schema: '{"type":"object"}', strict: true, verbosity: 'low' }] },
      promptConfig: { promptOptions: [{ promptId: 'pmpt_1', version: '2', variables: '{"x":1}' }] },
    })).toEqual({
      conversation: 'conv_1', prompt_cache_key: 'k', safety_identifier: 'user-7', service_tier: 'flex', top_logprobs: 3, metadata: { a: 'b' }, reasoning: { effort: 'high' },
      text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true }, verbosity: 'low' },
      prompt: { id: 'pmpt_1', version: '2', variables: { x: 1 } },
    });
  });

  it('leaves out what is unset: empty metadata, zero logprobs, an unknown effort, a prompt without id', () => {
    expect(responsesRequestFields({ metadata: '{}', topLogprobs: 0, reasoningEffort: 'extreme', promptConfig: { promptOptions: [{ promptId: '' }] } })).toEqual({});
  });

  it('builds the built-in tools in the Responses API shapes', () => {
    expect(builtInTools({ webSearch: { searchContextSize: 'high', allowedDomains: 'a.com, b.org', country: 'US' }, fileSearch: { vectorStoreIds: '["vs_1"]', maxResults: 5 }, codeInterpreter: true })).toEqual([
      { type: 'web_search', search_context_size: 'high', filters: { allowed_domains: ['a.com', 'b.org'] }, user_location: { type: 'approximate', country: 'US' } },
      { type: 'file_search', vector_store_ids: ['vs_1'], max_num_results: 5 },
      { type: 'code_interpreter', container: { type: 'auto' } },
    ]);
    expect(builtInTools({ codeInterpreter: false })).toEqual([]);
  });
});
