import { describe, expect, it } from 'vitest';
import { collectFromAI, fromAICalls, fromAISchema } from './from-ai-schema.ts';

describe('$fromAI placeholders', () => {
  it('reads key, description, type and default, with commas and parentheses inside quotes', () => {
    expect(fromAICalls(`={{ $fromAI('to', 'Who gets it, by email (one)', 'string') }} and {{ $fromAi("count", "How many", "number", 3) }}`)).toEqual([
      { key: 'to', description: 'Who gets it, by email (one)', type: 'string' },
      { key: 'count', description: 'How many', type: 'number', defaultValue: 3 },
    ]);
    expect(fromAICalls(`={{ $fromai('flag', '', 'boolean', false) }}`)).toEqual([{ key: 'flag', type: 'boolean', defaultValue: false }]);
    expect(fromAICalls(`={{ $fromAI('data', 'Fields', 'json', {"a": [1, 2]}) }}`)).toEqual([{ key: 'data', description: 'Fields', type: 'json', defaultValue: { a: [1, 2] } }]);
    expect(fromAICalls(`={{ $fromAI('x', 'escaped \\'quote\\'') }}`)[0]).toEqual({ key: 'x', description: "escaped 'quote'", type: 'string' });
  });

  it('finds placeholders at any depth of the parameters', () => {
    const found = collectFromAI({ a: "={{ $fromAI('one') }}", b: [{ c: "={{ $fromAI('two', 'd', 'number') }}" }], n: 3 });
    expect(found.map((f) => f.key)).toEqual(['one', 'two']);
  });

  it('builds the schema the model fills in, and refuses keys and duplicates as n8n does', () => {
    const schema = fromAISchema({ a: "={{ $fromAI('n', 'A number', 'number') }}", b: "={{ $fromAI('s') }}", c: "={{ $fromAI('s') }}" }, 'Node');
    expect(Object.keys(schema.shape)).toEqual(['n', 's']);
    expect(schema.parse({ n: 2, s: 'x' })).toEqual({ n: 2, s: 'x' });
    expect(() => schema.parse({ n: 'two', s: 'x' })).toThrow();
    expect(() => fromAISchema({ a: "={{ $fromAI('') }}" }, 'Node')).toThrow('You must specify a key when using $fromAI()');
    expect(() => fromAISchema({ a: "={{ $fromAI('k', 'one') }}", b: "={{ $fromAI('k', 'two') }}" }, 'Node')).toThrow("Duplicate key 'k' found with different description or type");
  });
});
