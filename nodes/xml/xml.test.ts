import { describe, expect, it } from 'vitest';
import { jsonToXml, xmlToJson } from './xml-convert.ts';

describe('xml conversion', () => {
  it('parses with merged attributes and no single-item arrays by default', async () => {
    expect(await xmlToJson('<a x="1"><b>t</b></a>')).toEqual({ a: { x: '1', b: 't' } });
  });

  it('lets options override the n8n defaults', async () => {
    expect(await xmlToJson('<a x="1"><b>t</b></a>', { mergeAttrs: false, explicitArray: true })).toEqual({ a: { $: { x: '1' }, b: ['t'] } });
    expect(await xmlToJson('<a x="1"><b>t</b></a>', { ignoreAttrs: true, explicitRoot: false })).toEqual({ b: 't' });
  });

  it('uses a single top-level key as the root under the default root name', () => {
    expect(jsonToXml({ only: { v: 1 } }, { headless: true })).toBe('<only>\n  <v>1</v>\n</only>');
    expect(jsonToXml({ a: 1, b: 2 }, { headless: true })).toBe('<root>\n  <a>1</a>\n  <b>2</b>\n</root>');
  });
});
