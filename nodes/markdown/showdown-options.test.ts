// Each showdown option (or showdown default) that marked does not have by itself, on and off.
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from './markdown-to-html.ts';

describe('showdown options on marked', () => {
  it('emoji: GitHub codes become emoji only when asked; unknown codes and code spans stay', () => {
    expect(markdownToHtml('a :smile: b', {})).toBe('<p>a :smile: b</p>');
    expect(markdownToHtml('a :smile: :nope: `:smile:`', { emoji: true })).toBe('<p>a 😄 :nope: <code>:smile:</code></p>');
  });

  it('encodeEmails (on by default): automatic e-mail links as entities; off: plain', () => {
    const encoded = markdownToHtml('<a@b.co>', {});
    expect(encoded).toBe('<p><a href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;&#97;&#64;&#98;&#46;&#99;&#111;">&#97;&#64;&#98;&#46;&#99;&#111;</a></p>');
    expect(markdownToHtml('<a@b.co>', { encodeEmails: false })).toBe('<p><a href="mailto:a@b.co">a@b.co</a></p>');
    expect(markdownToHtml('[mail](mailto:a@b.co)', {})).toBe('<p><a href="mailto:a@b.co">mail</a></p>');
  });

  it('parseImgDimensions: =WxH sets width and height, * is auto', () => {
    expect(markdownToHtml('![cat](cat.png =100x*)', { parseImgDimensions: true })).toBe('<p><img src="cat.png" alt="cat" width="100" height="auto" /></p>');
    expect(markdownToHtml('![cat](cat.png =100x80 "Tom")', { parseImgDimensions: true })).toBe('<p><img src="cat.png" alt="cat" title="Tom" width="100" height="80" /></p>');
    expect(markdownToHtml('![cat](cat.png =100x80)', {})).toBe('<p>![cat](cat.png =100x80)</p>');
  });

  it('tablesHeaderId: header cells get an ID from their text', () => {
    const md = '| First Name | Age |\n|---|:-:|\n| Ada | 36 |';
    expect(markdownToHtml(md, { tables: true, tablesHeaderId: true })).toContain('<th id="first_name">First Name</th>\n<th id="age" align="center">Age</th>');
    expect(markdownToHtml(md, { tables: true })).toContain('<th>First Name</th>');
  });

  it('literalMidWordAsterisks: asterisks inside words stay literal; emphasis elsewhere still works', () => {
    expect(markdownToHtml('foo*bar*baz', {})).toBe('<p>foo<em>bar</em>baz</p>');
    expect(markdownToHtml('foo*bar*baz and *em*', { literalMidWordAsterisks: true })).toBe('<p>foo*bar*baz and <em>em</em></p>');
  });

  it('literalMidWordUnderscores: off (showdown default) reads mid-word underscores as emphasis; on keeps them', () => {
    expect(markdownToHtml('foo_bar_baz and foo__bar__baz', {})).toBe('<p>foo<em>bar</em>baz and foo<strong>bar</strong>baz</p>');
    expect(markdownToHtml('snake_case_name', { literalMidWordUnderscores: true })).toBe('<p>snake_case_name</p>');
  });

  it('requireSpaceBeforeHeadingText: off (showdown default) makes #text a heading; on needs the space', () => {
    expect(markdownToHtml('#Title', {})).toBe('<h1 id="title">Title</h1>');
    expect(markdownToHtml('#Title', { requireSpaceBeforeHeadingText: true })).toBe('<p>#Title</p>');
    expect(markdownToHtml('## Spaced', { requireSpaceBeforeHeadingText: true })).toBe('<h2 id="spaced">Spaced</h2>');
  });

  it('ghCodeBlocks: fenced code blocks unless turned off', () => {
    expect(markdownToHtml('```\nx = 1\n```', {})).toBe('<pre><code>x = 1\n</code></pre>');
    expect(markdownToHtml('```\nx = 1\n```', { ghCodeBlocks: false })).not.toContain('<pre>');
  });

  it('excludeTrailingPunctuationFromURLs: automatic links keep trailing punctuation unless excluded', () => {
    expect(markdownToHtml('see https://x.test/a.', { simplifiedAutoLink: true })).toBe('<p>see <a href="https://x.test/a.">https://x.test/a.</a></p>');
    expect(markdownToHtml('see https://x.test/a.', { simplifiedAutoLink: true, excludeTrailingPunctuationFromURLs: true })).toBe('<p>see <a href="https://x.test/a">https://x.test/a</a>.</p>');
  });

  it('splitAdjacentBlockquotes: adjacent blockquotes merge (showdown default) unless split', () => {
    const md = '> one\n\n> two';
    expect(markdownToHtml(md, {})).toBe('<blockquote>\n<p>one</p>\n<p>two</p>\n</blockquote>');
    expect(markdownToHtml(md, { splitAdjacentBlockquotes: true })).toBe('<blockquote>\n<p>one</p>\n</blockquote>\n<blockquote>\n<p>two</p>\n</blockquote>');
    expect(markdownToHtml('> one\n\npara\n\n> two', {})).toContain('</blockquote>\n<p>para</p>\n<blockquote>');
  });

  it('smartIndentationFix: the first line\'s indentation is removed from every line', () => {
    const md = '    # Title\n    text';
    expect(markdownToHtml(md, {})).toBe('<pre><code># Title\ntext\n</code></pre>');
    expect(markdownToHtml(md, { smartIndentationFix: true })).toBe('<h1 id="title">Title</h1>\n<p>text</p>');
  });
});
