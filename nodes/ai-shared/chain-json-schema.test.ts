// Schemas from JSON examples and the JSON taken out of a model's answer, without servers.
import { describe, expect, it } from 'vitest';
import { schemaFromExample, zodFromJsonSchema } from './chain-json-schema.ts';
import { jsonTextOf, wrappedSchema } from './chain-output-parsers.ts';

describe('structured output helpers', () => {
  it('infers a schema from an example, every property required when asked', () => {
    const schema = schemaFromExample({ state: 'CA', cities: ['LA'], pop: 3, ok: true }, true);
    expect(schema).toEqual({
      type: 'object', required: ['state', 'cities', 'pop', 'ok'],
      properties: { state: { type: 'string' }, cities: { type: 'array', items: { type: 'string' } }, pop: { type: 'number' }, ok: { type: 'boolean' } },
    });
    expect(schemaFromExample({ a: 1 }, false)).not.toHaveProperty('required');
  });

  it('validates answers against the wrapped schema of each parser version', () => {
    const item = zodFromJsonSchema(schemaFromExample({ state: 'CA' }, true));
    expect(wrappedSchema(item, 1.3).safeParse({ output: { state: 'NV' } }).success).toBe(true);
    expect(wrappedSchema(item, 1.3).safeParse({ output: {} }).success).toBe(false);
    expect(wrappedSchema(item, 1.2).safeParse({}).success).toBe(true);
    const v1 = wrappedSchema(item, 1);
    expect(v1.safeParse({ __structured__output: { __structured__output__object: { state: 'NV' } } }).success).toBe(true);
    expect(v1.safeParse({ __structured__output: {} }).success).toBe(false);
  });

  it('takes JSON out of a markdown fence, and leaves other answers alone', () => {
    expect(jsonTextOf('Here:\n```json\n{"a": "`x`"}\n```\nDone')).toBe('{"a": "`x`"}');
    expect(jsonTextOf('  {"a": 1} ')).toBe('{"a": 1}');
    expect(jsonTextOf('```\nnot json\n```')).toBe('```\nnot json\n```');
  });
});
