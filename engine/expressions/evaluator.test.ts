import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { createExpressionEvaluator } from './evaluator.ts';
import { errorOf, simpleContext } from './test-helpers.ts';

const evaluator = createExpressionEvaluator({ timeoutMs: 300, memoryLimitMb: 32 });
afterAll(() => evaluator.dispose());
const ctx = simpleContext([{ json: { a: 1, name: 'Ann', obj: { x: 1 }, list: [1, 2], zero: 0, no: false, nul: null } }]);
const ev = (expr: string, c = ctx) => evaluator.evaluate(expr, c, { parameter: 'value' });

describe('result typing', () => {
  it('returns the raw value of a whole-value expression', () => {
    expect(ev('={{ $json.a }}')).toBe(1);
    expect(ev('={{ $json.obj }}')).toEqual({ x: 1 });
    expect(ev('={{ $json.list }}')).toEqual([1, 2]);
    expect(ev('={{ $json.no }}')).toBe(false);
    expect(ev('={{ $json.nul }}')).toBe(null);
    expect(ev('={{ $json.missing }}')).toBe(undefined);
    expect(ev('={{ { a: 1 } }}')).toEqual({ a: 1 });
  });

  it('joins mixed templates into a string the way n8n (tmpl) does', () => {
    expect(ev('=Hi {{ $json.name }}!')).toBe('Hi Ann!');
    expect(ev('={{ $json.a }} ')).toBe('1 ');
    expect(ev('=n={{ $json.nul }}|u={{ $json.missing }}|z={{ $json.zero }}|f={{ $json.no }}')).toBe('n=|u=|z=0|f=false');
    expect(ev('={{ $json.obj }} and {{ $json.list }}')).toBe('[object Object] and 1,2');
    expect(ev('=x{{ NaN }}')).toBe('x');
  });

  it('returns text without code as is', () => {
    expect(ev('=plain text')).toBe('plain text');
    expect(ev('=')).toBe('');
  });

  it('returns DateTimes as host Luxon DateTimes, and prints them as ISO in text', () => {
    const dt = ev('={{ DateTime.fromISO("2024-01-02T03:04:05", { zone: "Europe/Berlin" }) }}');
    expect(DateTime.isDateTime(dt)).toBe(true);
    expect((dt as DateTime).toISO()).toBe('2024-01-02T03:04:05.000+01:00');
    expect((dt as DateTime).zoneName).toBe('Europe/Berlin');
    expect(ev('=at {{ DateTime.fromISO("2024-01-02T03:04:05Z", { zone: "UTC" }) }}')).toBe('at 2024-01-02T03:04:05.000Z');
    expect(ev('={{ { when: DateTime.fromMillis(0, { zone: "UTC" }) } }}')).toEqual({ when: expect.any(DateTime) });
  });
});

describe('resolve', () => {
  it('walks objects and arrays, resolving every expression leaf', () => {
    const value = { a: '={{ $json.a + 1 }}', list: ['x', '={{ $json.name }}'], rl: { __rl: true, value: '={{ $json.a }}', mode: 'id' }, n: 5 };
    expect(evaluator.resolve(value, ctx, { parameter: 'root' })).toEqual({ a: 2, list: ['x', 'Ann'], rl: { __rl: true, value: 1, mode: 'id' }, n: 5 });
  });

  it('names the parameter path in errors', () => {
    const e = errorOf(() => evaluator.resolve({ list: ['={{ $("Nope").item }}'] }, ctx, { parameter: 'options' }));
    expect(e.parameter).toBe('options.list[0]');
    expect(e.node).toBe('Current');
    expect(e.expression).toBe('={{ $("Nope").item }}');
  });
});

describe('errors', () => {
  it('swallows ordinary errors inside {{ }} (tmpl compatibility)', () => {
    expect(ev('={{ $json.missing.deeper.still }}')).toBe(undefined);
    expect(ev('=a{{ $json.missing.deeper }}b')).toBe('ab');
    expect(ev('={{ (() => { throw new Error("x") })() }}')).toBe(undefined);
    expect(ev('={{ notDefinedAnywhere }}')).toBe(undefined);
  });

  it('does not swallow ExpressionErrors', () => {
    const e = errorOf(() => ev('={{ $("Nope").item.json }}'));
    expect(e.message).toBe("Referenced node doesn't exist");
    expect(e.itemIndex).toBe(0);
  });

  it('reports syntax errors, functions and constructor access like n8n', () => {
    expect(errorOf(() => ev('={{ $json.a + }}')).message).toBe('invalid syntax');
    expect(errorOf(() => ev('={{ $json.name.toUpperCase }}')).message).toBe('this is a function, please add ()');
    expect(errorOf(() => ev('={{ DateTime }}')).message).toBe('this is a DateTime, please access its methods');
    expect(errorOf(() => ev('={{ "".constructor.constructor("return 1")() }}')).message).toBe('Expression contains invalid constructor function call');
  });
});

describe('sandbox', () => {
  it('has no host access', () => {
    expect(ev('={{ [typeof process, typeof require, typeof fetch, typeof setTimeout, typeof module, typeof Buffer].join() }}')).toBe(
      'undefined,undefined,undefined,undefined,undefined,undefined',
    );
    expect(ev('={{ typeof eval + typeof Function + typeof Promise }}')).toBe('undefinedundefinedundefined');
    expect(ev('={{ this }}')).toEqual({});
  });

  it('stops an endless loop with a clear error and stays usable', () => {
    const e = errorOf(() => ev('={{ (()=>{while(true){}})() }}'));
    expect(e.message).toBe('Expression timed out after 300 ms');
    expect(ev('={{ $json.a + 1 }}')).toBe(2);
  });

  it('stops an allocation bomb and recreates the isolate afterwards', () => {
    const e = errorOf(() => ev('={{ (() => { const a = []; while (true) a.push(new Array(1e5).fill(1.5)); })() }}'));
    expect(e.message).toMatch(/ran out of memory|timed out/);
    expect(ev('={{ $json.a + 1 }}')).toBe(2);
    expect(ev('={{ [1, 2].sum() }}')).toBe(3);
  });

  it('refuses builtins V8 cannot interrupt on huge arrays and strings, and oversized results', () => {
    expect(ev('={{ Array(5e7).fill(0).length }}')).toBe(undefined); // RangeError, swallowed like any non-expression error
    expect(ev('={{ (() => { const a = []; a.length = 5e7; return a.fill(0).length; })() }}')).toBe(undefined);
    expect(ev('={{ "x".repeat(2 ** 28).length }}')).toBe(undefined);
    expect(errorOf(() => ev('={{ "x".repeat(2 ** 25) + "x".repeat(2 ** 25) }}')).message).toBe('The result is too large to return');
    expect(ev('={{ Array(3).fill(1) }}')).toEqual([1, 1, 1]);
  });

  it('keeps working after dispose', () => {
    const other = createExpressionEvaluator();
    expect(other.evaluate('={{ 1 + 1 }}', ctx, { parameter: 'p' })).toBe(2);
    other.dispose();
    expect(other.evaluate('={{ 2 + 2 }}', ctx, { parameter: 'p' })).toBe(4);
    other.dispose();
  });
});

describe('state between evaluations', () => {
  it('sees each item of the same node run', () => {
    const items = [{ json: { v: 'a' } }, { json: { v: 'b' } }, { json: { v: 'c' } }];
    const c = simpleContext(items);
    expect(items.map((_, i) => evaluator.evaluate('={{ $json.v + $itemIndex }}', { ...c, itemIndex: i }, { parameter: 'p' }))).toEqual(['a0', 'b1', 'c2']);
  });

  it('notices a new node run', () => {
    const c1 = simpleContext([{ json: { v: 1 } }]);
    const c2 = simpleContext([{ json: { v: 2 } }]);
    expect(ev('={{ $json.v }}', c1)).toBe(1);
    expect(ev('={{ $json.v }}', c2)).toBe(2);
    expect(ev('={{ $input.all().length }}', c1)).toBe(1);
  });
});

describe('fresh context objects per item', () => {
  it('still reads each item (the executor may build a new context for every call)', () => {
    const items = [{ json: { v: 1 } }, { json: { v: 2 } }];
    const base = simpleContext(items);
    const results = items.map((_, i) => ev('={{ $json.v * 10 + $input.all().length }}', { ...base, node: { ...base.node }, vars: {}, itemIndex: i }));
    expect(results).toEqual([12, 22]);
  });
});

describe('large inputs', () => {
  it('reads items one window at a time, so per-item expressions over a huge input fit a small isolate', () => {
    // 300,000 items are about 30 MB inside an isolate: copied in whole they exceed its 16 MB.
    const small = createExpressionEvaluator({ timeoutMs: 2_000, memoryLimitMb: 16 });
    try {
      const items = Array.from({ length: 300_000 }, (_, i) => ({ json: { i, name: `item number ${i}` } }));
      const c = simpleContext(items);
      const seen: unknown[] = [];
      for (let from = 0; from < items.length;) {
        const outcomes = small.resolveItems('={{ $json.i * 2 }}', { ...c, itemIndex: from }, { parameter: 'v' }, items.length - from);
        for (const o of outcomes) seen.push(o.value);
        from += outcomes.length;
      }
      expect(seen.length).toBe(300_000);
      expect(seen.every((v, i) => v === i * 2)).toBe(true);
      // Across a window's edge, and the item past the end still says how many there are.
      expect(small.evaluate('={{ $input.item.json.i + $thisItem.json.i }}', { ...c, itemIndex: 1000 }, { parameter: 'v' })).toBe(2000);
      expect(small.evaluate('={{ $json.i }}', { ...c, itemIndex: 999 }, { parameter: 'v' })).toBe(999);
      const short = simpleContext(items.slice(0, 3));
      expect(errorOf(() => small.evaluate('={{ $json.i }}', { ...short, itemIndex: 5 }, { parameter: 'v' })).message).toContain('has 3 item(s)');
    } finally {
      small.dispose();
    }
  });
});
