import { describe, expect, it } from 'vitest';
import { isExpression, isWholeValue, splitTemplate } from './template.ts';

const code = (text: string) => ({ type: 'code', text });
const text = (t: string) => ({ type: 'text', text: t });

describe('isExpression', () => {
  it('is a string starting with =', () => {
    expect(isExpression('={{ 1 }}')).toBe(true);
    expect(isExpression('=plain')).toBe(true);
    expect(isExpression('{{ 1 }}')).toBe(false);
    expect(isExpression(5)).toBe(false);
  });
});

describe('splitTemplate', () => {
  it('always starts with a text chunk', () => {
    expect(splitTemplate('{{ $json.a }}')).toEqual([text(''), code(' $json.a ')]);
    expect(splitTemplate('')).toEqual([text('')]);
    expect(splitTemplate('plain')).toEqual([text('plain')]);
  });

  it('keeps text around code', () => {
    expect(splitTemplate('Hi {{ $json.name }}, you are {{ $json.age }}!')).toEqual([
      text('Hi '), code(' $json.name '), text(', you are '), code(' $json.age '), text('!'),
    ]);
  });

  it('does not end code at }} inside a string literal', () => {
    expect(splitTemplate('{{ "a}}b" + \'}}\' }}x')).toEqual([text(''), code(' "a}}b" + \'}}\' '), text('x')]);
    expect(splitTemplate('{{ `x}}` }}')).toEqual([text(''), code(' `x}}` ')]);
  });

  it('does not end code at a } closing a brace opened in the code', () => {
    expect(splitTemplate('{{ (() => { while (true) {} })() }}')).toEqual([text(''), code(' (() => { while (true) {} })() ')]);
    expect(splitTemplate('{{ {a: {b: 1}} }}')).toEqual([text(''), code(' {a: {b: 1}} ')]);
  });

  it('keeps an escaped \\{{ as text', () => {
    expect(splitTemplate('a \\{{ b')).toEqual([text('a \\{{ b')]);
  });

  it('treats an unclosed {{ as code to the end', () => {
    expect(splitTemplate('x {{ 1 + 1')).toEqual([text('x '), code(' 1 + 1')]);
  });

  it('recognises the whole-value form only with nothing around the braces', () => {
    expect(isWholeValue(splitTemplate('{{ 1 }}'))).toBe(true);
    expect(isWholeValue(splitTemplate('{{ 1 }} '))).toBe(false);
    expect(isWholeValue(splitTemplate(' {{ 1 }}'))).toBe(false);
    expect(isWholeValue(splitTemplate('{{ 1 }}{{ 2 }}'))).toBe(false);
  });
});
