import { describe, expect, it } from 'vitest';
import { tokenize } from './js-tokens.ts';
import { transformCode } from './transform.ts';

describe('transformCode', () => {
  const cases: [string, string][] = [
    ['$json.a.isEmpty()', '__extend($json.a, "isEmpty", [])'],
    ['$json.list.first().name.toUpperCase()', '__extend($json.list, "first", []).name.toUpperCase()'],
    ['$json.s.toTitleCase().quote("\'")', '__extend(__extend($json.s, "toTitleCase", []), "quote", ["\'"])'],
    ['$json.a?.isEmpty()', '__extendOptional($json.a, "isEmpty", [])'],
    ['new Date().toDateTime()', '__extend((new Date()), "toDateTime", [])'],
    ['$if($json.a > 1, "big", "small")', '(($json.a > 1) ? ( "big") : ( "small"))'],
    ['$if(x, y)', '((x) ? ( y) : (false))'],
    ['`x ${$json.s.toTitleCase()} y`', '`x ${__extend($json.s, "toTitleCase", [])} y`'],
    ['"a.isEmpty()" + x.isEmpty()', '"a.isEmpty()" + __extend(x, "isEmpty", [])'],
    ['[1,2,3].chunk(2).map(c => c.sum())', '__extend([1,2,3], "chunk", [2]).map(c => __extend(c, "sum", []))'],
    ['!$json.x.isEmpty() && typeof $json.y.keys() === "o"', '!__extend($json.x, "isEmpty", []) && typeof __extend($json.y, "keys", []) === "o"'],
    ['a ? .5 : b.round()', 'a ? .5 : __extend(b, "round", [])'],
    ['$json.s.replace(/a.b(/g, "x").isEmpty() // c', '__extend($json.s.replace(/a.b(/g, "x"), "isEmpty", []) // c'],
    ['$("Node").item.json.n.format("de")', '__extend($("Node").item.json.n, "format", ["de"])'],
  ];
  it.each(cases)('%s', (input, output) => {
    expect(transformCode(input)).toBe(output);
  });

  it('leaves code without extension calls untouched', () => {
    const src = '$json.a + $json["isEmpty"] + x.isEmpty';
    expect(transformCode(src)).toBe(src);
  });

  it('keeps $if with a spread for the runtime function', () => {
    expect(transformCode('$if(...args)')).toBe('$if(...args)');
  });
});

describe('tokenize', () => {
  it('tells regexes from division', () => {
    expect(tokenize('a / b / c').map((t) => t.kind)).toEqual(['id', 'punct', 'id', 'punct', 'id']);
    expect(tokenize('x = /ab+/g').map((t) => t.kind)).toEqual(['id', 'punct', 're']);
  });

  it('keeps comments and whitespace as lead so output round-trips', () => {
    const src = ' a /* c */ + // d\n b ';
    expect(tokenize(src).map((t) => t.lead + t.text).join('')).toBe(src);
  });
});
