import { describe, expect, it } from 'vitest';
import { extractFromHtml } from './html-extract.ts';
import { capitalizeHeader, htmlTable } from './html-table.ts';

describe('html extraction', () => {
  const html = '<p class="a"> one </p><p class="b">two</p><select><option value="x" selected>X</option></select><a href="/h">l</a>';

  it('joins text of all matches unless an array is asked for', () => {
    expect(extractFromHtml(html, [{ key: 'p', cssSelector: 'p', returnValue: 'text' }], {})).toEqual({ p: ' one two' });
    expect(extractFromHtml(html, [{ key: 'p', cssSelector: 'p', returnValue: 'text', returnArray: true }], { trimValues: true })).toEqual({ p: ['one', 'two'] });
  });

  it('returns attributes, inner html and form values; nothing for no match', () => {
    const values = [
      { key: 'href', cssSelector: 'a', returnValue: 'attribute', attribute: 'href' },
      { key: 'html', cssSelector: '.b', returnValue: 'html' },
      { key: 'value', cssSelector: 'select', returnValue: 'value' },
      { key: 'none', cssSelector: '.zzz', returnValue: 'text' },
    ];
    expect(extractFromHtml(html, values, {})).toEqual({ href: '/h', html: 'two', value: 'x', none: undefined });
  });

  it('cleans up whitespace and line breaks', () => {
    expect(extractFromHtml('<div>\n a \n\n  b </div>', [{ key: 't', cssSelector: 'div', returnValue: 'text' }], { cleanUpText: true })).toEqual({ t: 'a b' });
  });
});

describe('html extraction, v1.2 text', () => {
  const page = '<h1>Title</h1><p>one <a href="https://x.test">link</a></p><p>two <img src="i.png" alt="pic"></p>';

  it('renders text as html-to-text does, from the first match only', () => {
    expect(extractFromHtml(page, [{ key: 't', cssSelector: 'p', returnValue: 'text' }], {}, 1.2)).toEqual({ t: 'one link [https://x.test]' });
    // The match's inner HTML is rendered, so a heading is upper-cased only when selected from its parent.
    expect(extractFromHtml(page, [{ key: 't', cssSelector: 'h1', returnValue: 'text' }], {}, 1.2)).toEqual({ t: 'Title' });
    expect(extractFromHtml(`<div>${page}</div>`, [{ key: 't', cssSelector: 'div', returnValue: 'text' }], {}, 1.2)).toEqual({
      t: 'TITLE\n\none link [https://x.test]\n\ntwo pic [i.png]',
    });
  });

  it('skips the listed selectors and gives an empty string when nothing matches', () => {
    const values = [
      { key: 'skipped', cssSelector: 'body', returnValue: 'text', skipSelectors: 'a, img, h1' },
      { key: 'none', cssSelector: '.zzz', returnValue: 'text' },
    ];
    expect(extractFromHtml(page, values, {}, 1.2)).toEqual({ skipped: 'one\n\ntwo', none: '' });
  });
});

describe('html table', () => {
  it('capitalises snake_case headers', () => {
    expect(capitalizeHeader('first_name', true)).toBe('First Name');
    expect(capitalizeHeader('first_name')).toBe('first_name');
  });

  it('renders booleans as checkboxes and applies per-row attributes', () => {
    const table = htmlTable([{ ok: false }], { customStyling: true }, () => 'class="r"', () => '');
    expect(table).toBe('<table  ><thead  ><tr><th>ok</th></tr></thead><tbody><tr  class="r"><td  ><input type="checkbox" /></td></tr></tbody></table>');
  });
});
