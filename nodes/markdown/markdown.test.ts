import { describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import { markdownToHtml } from './markdown-to-html.ts';

async function markdown(parameters: Record<string, unknown>, items: Item[] = [{ json: {} }], continueOnFail = false) {
  const result = await runChain([{ name: 'M', type: 'n8n-nodes-base.markdown', parameters, continueOnFail }], { items });
  return { result, items: outputOf(result, 'M') };
}

describe('markdown to HTML', () => {
  it('renders headings with showdown-style IDs, emphasis and links', () => {
    expect(markdownToHtml('# Hello World\n\nSome *text* and [a link](https://x.test "T").', {}))
      .toBe('<h1 id="helloworld">Hello World</h1>\n<p>Some <em>text</em> and <a href="https://x.test" title="T">a link</a>.</p>');
  });

  it('follows header options: GitHub IDs, prefix, repeats, custom IDs, no IDs, level start', () => {
    expect(markdownToHtml('## Hello World!', { ghCompatibleHeaderId: true })).toBe('<h2 id="hello-world">Hello World!</h2>');
    // showdown sanitizes the prefix with the title unless rawPrefixHeaderId.
    expect(markdownToHtml('# A\n\n# A', { prefixHeaderId: 'sec-' })).toBe('<h1 id="seca">A</h1>\n<h1 id="seca-1">A</h1>');
    expect(markdownToHtml('# A\n\n# A', { prefixHeaderId: 'sec-', rawPrefixHeaderId: true })).toBe('<h1 id="sec-a">A</h1>\n<h1 id="sec-a-1">A</h1>');
    expect(markdownToHtml('# A b', { prefixHeaderId: true, ghCompatibleHeaderId: true })).toBe('<h1 id="section-a-b">A b</h1>');
    expect(markdownToHtml('# Title {custom}', { customizedHeaderId: true })).toBe('<h1 id="custom">Title</h1>');
    expect(markdownToHtml('# A', { noHeaderId: true, headerLevelStart: 3 })).toBe('<h3>A</h3>');
  });

  it('keeps tables, strikethrough and bare URLs as text unless enabled, as showdown does', () => {
    const md = '| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ https://x.test';
    const off = markdownToHtml(md, {});
    expect(off).not.toContain('<table>');
    expect(off).toContain('~~gone~~ https://x.test');
    const on = markdownToHtml(md, { tables: true, strikethrough: true, simplifiedAutoLink: true });
    expect(on).toContain('<table>');
    expect(on).toContain('<del>gone</del> <a href="https://x.test">https://x.test</a>');
  });

  it('adds target=_blank, <br> for single breaks, a complete document', () => {
    expect(markdownToHtml('[x](https://x.test)', { openLinksInNewWindow: true })).toBe('<p><a href="https://x.test" rel="noopener noreferrer" target="_blank">x</a></p>');
    expect(markdownToHtml('a\nb', { simpleLineBreaks: true })).toBe('<p>a<br>b</p>');
    expect(markdownToHtml('a', { completeHTMLDocument: true })).toMatch(/^<!DOCTYPE HTML>\n<html>[\s\S]*<body>\n<p>a<\/p>\n<\/body>\n<\/html>$/);
  });
});

describe('HTML to Markdown', () => {
  const html = '<h1>Title</h1><p>Some <em>em</em> and <strong>strong</strong> <a href="https://x.test">link</a>.</p><ul><li>one</li><li>two</li></ul><pre><code>code()</code></pre>';

  it('converts with node-html-markdown-like defaults', () => {
    expect(htmlToMarkdown(html, {})).toBe('# Title\n\nSome _em_ and **strong** [link](https://x.test).\n\n* one\n* two\n\n```\ncode()\n```');
  });

  it('follows markers, delimiters, code style, ignored elements and link references', () => {
    const out = htmlToMarkdown(html, { bulletMarker: '-', emDelimiter: '*', strongDelimiter: '__', codeBlockStyle: 'indented', ignore: 'h1', useLinkReferenceDefinitions: true });
    expect(out).toBe('Some *em* and __strong__ [link][1].\n\n- one\n- two\n\n    code()\n\n[1]: https://x.test');
  });

  it('drops data: images unless kept, and applies text replacement patterns', () => {
    const img = '<p>a <img src="data:image/gif;base64,R0lG" alt="x"> b</p>';
    expect(htmlToMarkdown(img, {})).toBe('a  b');
    expect(htmlToMarkdown(img, { keepDataImages: true })).toContain('![x](data:image/gif;base64,R0lG)');
    expect(htmlToMarkdown('<p>cat and cat</p>', { textReplace: { values: [{ pattern: 'cat', replacement: 'dog' }] } })).toBe('dog and dog');
  });
});

describe('markdown node', () => {
  it('puts the result at the destination key of a copy of the json', async () => {
    const { items } = await markdown({ mode: 'markdownToHtml', markdown: '={{ $json.md }}', destinationKey: 'out.html' }, [{ json: { md: '**b**', keep: 1 } }]);
    expect(items).toEqual([{ json: { md: '**b**', keep: 1, out: { html: '<p><strong>b</strong></p>' } }, pairedItem: { item: 0 } }]);
    const back = await markdown({ html: '={{ $json.h }}' }, [{ json: { h: '<h2>x</h2>' } }]);
    expect(back.items[0].json.data).toBe('## x');
  });

  it('fails on non-text input; continueOnFail gives an error item', async () => {
    const { result } = await markdown({ mode: 'markdownToHtml', markdown: '={{ $json.md }}' }, [{ json: { md: { a: 1 } } }]);
    expect(result.data.resultData.error?.message).toBe('The Markdown to convert must be text, not object');
    const { items } = await markdown({ mode: 'markdownToHtml', markdown: '={{ $json.md }}' }, [{ json: { md: [1] } }, { json: { md: 'x' } }], true);
    expect(items.map((i) => i.json)).toEqual([{ error: 'The Markdown to convert must be text, not an array' }, { md: 'x', data: '<p>x</p>' }]);
  });
});
