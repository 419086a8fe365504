// MySQL's $n query parameters become bound `?`s (and $n:name quoted identifiers), never text.
import { describe, expect, it } from 'vitest';
import { bindDollarParameters } from './my-sql.node.ts';

describe('MySQL query parameters', () => {
  it('binds $n in order of appearance, quotes $n:name, and leaves quoted text alone', () => {
    expect(bindDollarParameters("SELECT * FROM $3:name WHERE b = $2 AND a = $1 AND note = '$1'", ['x', "it's", 'my`table'], 'MySQL', 0))
      .toEqual({ text: "SELECT * FROM `my``table` WHERE b = ? AND a = ? AND note = '$1'", values: ["it's", 'x'] });
  });

  it('names a parameter that has no value', () => {
    expect(() => bindDollarParameters('SELECT $2', ['a'], 'MySQL', 3)).toThrow('Parameter $2 referenced in query but no replacement value provided at index 2');
  });
});
