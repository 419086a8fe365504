// showdown behaviours that marked lacks, added as marked extensions when n8n's options (or showdown's
// defaults) ask for them: emoji shortcodes, encoded e-mail links, image dimensions, table header IDs,
// literal mid-word asterisks and emphasis on mid-word underscores, headings without a space, no fenced
// code, URLs keeping trailing punctuation, and adjacent blockquotes merged.
import { gemoji } from 'gemoji';
import type { MarkedExtension, Token, Tokens } from 'marked';
import type { JsonObject } from '../../engine/index.ts';

type Lexer = { lexer: { inline(src: string, tokens?: Token[]): Token[]; inlineTokens(src: string, tokens?: Token[]): Token[] } };

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

let emojiByName: Map<string, string> | undefined;
function emojiFor(name: string): string | undefined {
  emojiByName ??= new Map(gemoji.flatMap((entry) => entry.names.map((alias) => [alias, entry.emoji] as const)));
  return emojiByName.get(name);
}

/** Every character as a decimal entity, so scrapers do not see the address (browsers show it the same). */
export const encodeEntities = (text: string) => [...text].map((c) => `&#${c.codePointAt(0)};`).join('');

/** showdown's smartIndentationFix: every line loses up to as much leading space as the first line has. */
export function smartIndentationFix(markdown: string): string {
  const indent = /^\s*/.exec(markdown)![0].length;
  return markdown.replace(new RegExp(`^\\s{0,${indent}}`, 'gm'), '');
}

function mergeAdjacentBlockquotes(tokens: Token[]): Token[] {
  const merged: Token[] = [];
  for (const token of tokens) {
    if (token.type === 'blockquote') token.tokens = mergeAdjacentBlockquotes(token.tokens ?? []);
    let last = merged.length - 1;
    while (last >= 0 && merged[last].type === 'space') last--;
    const previous = merged[last];
    if (token.type === 'blockquote' && previous?.type === 'blockquote') {
      merged.splice(last + 1);
      previous.tokens = mergeAdjacentBlockquotes([...(previous.tokens ?? []), ...(token.tokens ?? [])]);
      previous.raw += token.raw;
    } else merged.push(token);
  }
  return merged;
}

/** A bare URL's trailing . ! ? ( ) taken back into the link, as showdown does unless told to exclude them. */
function keepTrailingPunctuation(token: Token): void {
  const children = (token as { tokens?: Token[] }).tokens;
  if (!children) return;
  children.forEach((child, i) => {
    const next = children[i + 1];
    if (child.type !== 'link' || child.raw !== child.href || child.raw.startsWith('<') || next?.type !== 'text') return;
    const punctuation = /^[.!?()]+/.exec(next.text)?.[0];
    if (!punctuation) return;
    child.href += punctuation;
    child.raw += punctuation;
    child.text += punctuation;
    child.tokens = [{ type: 'text', raw: child.text, text: child.text, escaped: false }];
    next.text = next.text.slice(punctuation.length);
    next.raw = next.raw.slice(punctuation.length);
  });
}

export function showdownExtensions(options: JsonObject): MarkedExtension[] {
  const extensions: MarkedExtension[] = [];
  if (options.ghCodeBlocks === false) {
    // No token: the fence text falls through to a paragraph, as in showdown without GitHub code blocks.
    extensions.push({ tokenizer: { fences: () => undefined } });
  }
  if (options.requireSpaceBeforeHeadingText !== true) {
    extensions.push({
      tokenizer: {
        heading(this: Lexer, src: string) {
          const match = /^ {0,3}(#{1,6})([^\s#][^\n]*?)(?:[ \t]+#+)?[ \t]*(?:\n+|$)/.exec(src);
          if (!match) return false;
          const text = match[2].trim();
          return { type: 'heading', raw: match[0], depth: match[1].length, text, tokens: this.lexer.inline(text) } as Tokens.Heading;
        },
      },
    });
  }
  const midWordAsterisks = options.literalMidWordAsterisks === true;
  const midWordUnderscores = options.literalMidWordUnderscores !== true;
  if (midWordAsterisks || midWordUnderscores) {
    extensions.push({
      tokenizer: {
        emStrong(this: Lexer, src: string, _masked: string, prevChar = '') {
          if (!/\w/.test(prevChar)) return false;
          if (midWordAsterisks && src.startsWith('*')) {
            const run = /^\*+(?=\w)/.exec(src)?.[0];
            return run ? ({ type: 'text', raw: run, text: run, escaped: false } as unknown as Tokens.Em) : false;
          }
          if (midWordUnderscores && src.startsWith('_')) {
            // showdown reads foo_bar_baz as emphasis; CommonMark (marked) keeps it literal.
            const match = /^(_{1,3})(?=\S)([\s\S]*?\S)\1(?!_)/.exec(src);
            if (!match) return false;
            const inner = this.lexer.inlineTokens(match[2]);
            if (match[1].length === 1) return { type: 'em', raw: match[0], text: match[2], tokens: inner };
            const strong: Tokens.Strong = { type: 'strong', raw: match[0], text: match[2], tokens: inner };
            return match[1].length === 2 ? strong : { type: 'em', raw: match[0], text: match[2], tokens: [strong] };
          }
          return false;
        },
      },
    });
  }
  if (options.parseImgDimensions === true) {
    extensions.push({
      extensions: [{
        name: 'sizedImage',
        level: 'inline',
        start: (src: string) => src.indexOf('!['),
        tokenizer(src: string) {
          const match = /^!\[([^\]]*)\]\(\s*<?([^\s>)]+)>?\s+=\s*(\d+(?:px|%|em)?|\*)x(\d+(?:px|%|em)?|\*)\s*(?:["']([^"']*)["'])?\s*\)/.exec(src);
          if (!match) return undefined;
          return { type: 'sizedImage', raw: match[0], alt: match[1], href: match[2], width: match[3], height: match[4], title: match[5] };
        },
        renderer(token) {
          const size = (name: string, value: string) => ` ${name}="${value === '*' ? 'auto' : escapeHtml(value)}"`;
          const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
          return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.alt)}"${title}${size('width', token.width)}${size('height', token.height)} />`;
        },
      }],
    });
  }
  if (options.tablesHeaderId === true) {
    extensions.push({
      renderer: {
        tablecell(this: { parser: { parseInline(tokens: Token[]): string } }, token: Tokens.TableCell) {
          if (!token.header) return false;
          const content = this.parser.parseInline(token.tokens);
          const id = content.replace(/<[^>]*>/g, '').trim().replace(/ /g, '_').toLowerCase();
          const align = token.align ? ` align="${token.align}"` : '';
          return `<th id="${escapeHtml(id)}"${align}>${content}</th>\n`;
        },
      },
    });
  }
  if (options.splitAdjacentBlockquotes !== true) extensions.push({ hooks: { processAllTokens: (tokens) => mergeAdjacentBlockquotes(tokens as Token[]) } });
  if (options.emoji === true || (options.simplifiedAutoLink === true && options.excludeTrailingPunctuationFromURLs !== true)) {
    const emoji = options.emoji === true;
    const trailing = options.simplifiedAutoLink === true && options.excludeTrailingPunctuationFromURLs !== true;
    extensions.push({
      walkTokens(token) {
        if (trailing) keepTrailingPunctuation(token);
        if (emoji && token.type === 'text' && !(token as Tokens.Text).tokens) {
          token.text = token.text.replace(/:([\w+-]+):/g, (code: string, name: string) => emojiFor(name) ?? code);
        }
      },
    });
  }
  return extensions;
}
