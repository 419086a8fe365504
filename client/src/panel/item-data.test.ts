import { describe, expect, it } from 'vitest';
import { inferSchema, jsonPath, mapField, pageOf, pairedInputIndexes } from './item-data.ts';
import { completeExpression, fieldsAt } from './expression-completions.ts';

describe('inferSchema', () => {
  it('merges the keys of the items, with types, samples and nested fields', () => {
    const schema = inferSchema([
      { json: { name: 'Ada', age: 36, address: { city: 'London' }, tags: [{ id: 1 }] } },
      { json: { name: 'Bob', email: null, active: true } },
      { json: { email: 'b@x.io' } },
    ]);
    expect(schema.map((f) => [f.key, f.type, f.sample])).toEqual([
      ['name', 'string', 'Ada'],
      ['age', 'number', '36'],
      ['address', 'object', ''],
      ['tags', 'array', ''],
      ['email', 'string', 'b@x.io'],
      ['active', 'boolean', 'true'],
    ]);
    expect(schema[2].children).toEqual([{ key: 'city', path: ['address', 'city'], type: 'string', sample: 'London', children: [] }]);
    expect(schema[3].children[0]).toMatchObject({ key: '[0]', path: ['tags', 0], type: 'object' });
    expect(schema[3].children[0].children[0]).toMatchObject({ key: 'id', path: ['tags', 0, 'id'], type: 'number', sample: '1' });
  });

  it('has no fields for no items', () => {
    expect(inferSchema([])).toEqual([]);
  });
});

describe('pairedInputIndexes', () => {
  it('reads every shape n8n uses', () => {
    expect(pairedInputIndexes(3)).toEqual([3]);
    expect(pairedInputIndexes({ item: 2 })).toEqual([2]);
    expect(pairedInputIndexes([{ item: 0 }, { item: 4, input: 0 }, 1])).toEqual([0, 4, 1]);
    expect(pairedInputIndexes(undefined)).toEqual([]);
  });

  it('keeps to the input asked for', () => {
    const paired = [{ item: 1, input: 1 }, { item: 2 }, 5];
    expect(pairedInputIndexes(paired, 0)).toEqual([2, 5]);
    expect(pairedInputIndexes(paired, 1)).toEqual([1]);
  });
});

describe('pageOf', () => {
  it('pages a long list and clamps the page', () => {
    const list = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(list, 0)).toMatchObject({ page: 0, pages: 3, start: 0 });
    expect(pageOf(list, 2).rows).toEqual(list.slice(100));
    expect(pageOf(list, 9)).toMatchObject({ page: 2, start: 100 });
    expect(pageOf([], 0)).toMatchObject({ rows: [], page: 0, pages: 1 });
  });
});

describe('mapping a field', () => {
  it('writes $json paths with brackets where needed', () => {
    expect(jsonPath(['a', 'b'])).toBe('$json.a.b');
    expect(jsonPath(['first name', 'list', 0, 'x'])).toBe('$json["first name"].list[0].x');
  });

  it('makes an expression, adding at the end of what is there', () => {
    expect(mapField(undefined, ['name'])).toBe('={{ $json.name }}');
    expect(mapField('', ['name'])).toBe('={{ $json.name }}');
    expect(mapField('=', ['name'])).toBe('={{ $json.name }}');
    expect(mapField('Hello', ['name'])).toBe('=Hello {{ $json.name }}');
    expect(mapField('=Hi {{ $json.a }}', ['b'])).toBe('=Hi {{ $json.a }} {{ $json.b }}');
    expect(mapField(5, ['n'])).toBe('={{ $json.n }}');
  });
});

describe('completeExpression', () => {
  const data = { samples: [{ name: 'Ada', address: { city: 'London', zip: 'N1' } }, { age: 3 }], nodeNames: ['Numbers', 'Set fields'] };

  it('offers the input fields after $json.', () => {
    const r = completeExpression('{{ $json.', data);
    expect(r?.from).toBe(9);
    expect(r?.options.map((o) => o.label)).toEqual(['name', 'address', 'age']);
    expect(completeExpression('{{ $json.address.ci', data)).toMatchObject({ from: 17, options: [{ label: 'city' }, { label: 'zip' }] });
  });

  it('offers node names inside $(', () => {
    const r = completeExpression("= {{ $('Se", data);
    expect(r?.from).toBe(8);
    expect(r?.options.map((o) => o.apply)).toEqual(["Numbers')", "Set fields')"]);
  });

  it('offers the root variables after $ and methods after a dot', () => {
    expect(completeExpression('{{ $n', data)?.options.map((o) => o.label)).toContain('$now');
    const methods = completeExpression('{{ $json.name.toU', data);
    // A string field has no fields of its own: its methods are offered.
    expect(methods?.from).toBe(14);
    expect(methods?.options.map((o) => o.label)).toContain('toUpperCase()');
    const afterCall = completeExpression('{{ $now.plus(1, "days").', data);
    expect(afterCall?.options.map((o) => o.label)).toContain('toFormat()');
  });

  it('offers nothing outside {{ }}', () => {
    expect(completeExpression('$json.', data)).toBeNull();
    expect(completeExpression('{{ $json.a }} $json.', data)).toBeNull();
  });

  it('merges field names over the samples', () => {
    expect(fieldsAt([{ a: null }, { a: 1, b: 's' }], [])).toEqual([{ name: 'a', type: 'number' }, { name: 'b', type: 'string' }]);
  });
});
