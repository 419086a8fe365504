// The executions list's custom data filter in n8n's shape: `metadata` is a JSON array of
// `{key, value, exactMatch?}` (what n8n's executions page sends in its `filter.metadata`).
import { z } from 'zod';
import { CUSTOM_DATA_KEY, CUSTOM_DATA_KEY_LENGTH, CUSTOM_DATA_MAX_KEYS, CUSTOM_DATA_VALUE_LENGTH } from '../../engine/index.ts';

const entry = z.object({
  // Stored keys never hold other characters nor run longer, so such a filter could match nothing.
  key: z.string().min(1).max(CUSTOM_DATA_KEY_LENGTH).regex(CUSTOM_DATA_KEY, 'only A-Za-z0-9_ (as custom data keys are)'),
  value: z.string().max(CUSTOM_DATA_VALUE_LENGTH),
  exactMatch: z.boolean().optional(),
}).strict();

const entries = z.array(entry).min(1).max(CUSTOM_DATA_MAX_KEYS)
  .refine((list) => new Set(list.map((e) => e.key)).size === list.length, 'name each key once');

/** A query-string parameter holding the JSON array; bad JSON is a validation error like any other. */
export const customDataFilter = z.string().max(8192).transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON: expected [{"key": "…", "value": "…", "exactMatch": true}]' });
    return z.NEVER;
  }
}).pipe(entries);
