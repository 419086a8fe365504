// Markdown to HTML with marked, following n8n's (showdown's) options and defaults: header IDs and
// their styles, header level start, GFM tables, strikethrough, task lists and bare-URL links only when
// asked, line breaks, links in new windows, a complete document; the rest in showdown-options.ts.
// Not followed: backslashEscapesHTMLTags (marked always escapes `\<tag>`) and
// disableForced4SpacesIndentedSublists (marked always nests sublists by the marker's width).
import { Marked, type Tokens } from 'marked';
import type { JsonObject } from '../../engine/index.ts';
import { encodeEntities, showdownExtensions, smartIndentationFix } from './showdown-options.ts';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** showdown's header ID: the prefix sanitized with the title unless rawPrefixHeaderId. */
function headerId(title: string, options: JsonObject): string {
  const prefix = options.prefixHeaderId === true ? 'section-' : typeof options.prefixHeaderId === 'string' ? options.prefixHeaderId : '';
  let id = options.rawPrefixHeaderId ? title : prefix + title;
  if (options.ghCompatibleHeaderId) id = id.replace(/ /g, '-').replace(/&amp;/g, '').replace(/[&+$,/:;=?@"#{}|^¨~[\]`\\*)(%.!'<>]/g, '').toLowerCase();
  else if (options.rawHeaderId) id = id.replace(/ /g, '-').replace(/&amp;/g, '&').replace(/["']/g, '-').toLowerCase();
  else id = id.replace(/[^\w]/g, '').toLowerCase();
  return options.rawPrefixHeaderId ? prefix + id : id;
}

export function markdownToHtml(markdown: string, options: JsonObject): string {
  const tables = options.tables === true;
  const strike = options.strikethrough === true;
  const autoLink = options.simplifiedAutoLink === true;
  const tasks = options.tasklists === true;
  const used = new Map<string, number>();
  const breaks = options.simpleLineBreaks === true;
  // marked's line breaks are a GFM feature; the GFM features not asked for are undone below.
  const marked = new Marked({ gfm: tables || strike || autoLink || tasks || breaks, breaks, async: false });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Heading) {
        let text = this.parser.parseInline(token.tokens);
        const level = Math.min(6, token.depth + Math.max(0, Number(options.headerLevelStart ?? 1) - 1));
        let custom: string | undefined;
        const braces = options.customizedHeaderId ? /\s*\{([^{}]+)\}\s*$/.exec(text) : null;
        if (braces) {
          custom = braces[1];
          text = text.slice(0, braces.index);
        }
        if (options.noHeaderId) return `<h${level}>${text}</h${level}>\n`;
        const plain = text.replace(/<[^>]*>/g, '');
        let id = headerId(custom ?? plain, options);
        // showdown numbers repeated IDs: intro, intro-1, intro-2.
        const count = used.get(id) ?? 0;
        used.set(id, count + 1);
        if (count) id = `${id}-${count}`;
        return `<h${level} id="${escapeHtml(id)}">${text}</h${level}>\n`;
      },
      link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        // A bare URL that GFM linked, while automatic linking is off: plain text.
        if (!autoLink && token.raw === token.href && !token.raw.startsWith('<')) return text;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        const autoEmail = token.href.startsWith('mailto:') && (token.raw.startsWith('<') || token.raw === token.text);
        if (autoEmail && options.encodeEmails !== false) return `<a href="${encodeEntities(token.href)}"${title}>${encodeEntities(token.text)}</a>`;
        const target = options.openLinksInNewWindow ? ' rel="noopener noreferrer" target="_blank"' : '';
        return `<a href="${escapeHtml(token.href)}"${title}${target}>${text}</a>`;
      },
      ...(tables ? {} : { table: (token: Tokens.Table) => `<p>${escapeHtml(token.raw.trim())}</p>\n` }),
      ...(strike ? {} : { del(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Del) { return `~~${this.parser.parseInline(token.tokens)}~~`; } }),
      ...(tasks ? {} : { checkbox: (token: Tokens.Checkbox) => (token.checked ? '[x] ' : '[ ] ') }),
    },
  });
  marked.use(...showdownExtensions(options));
  if (options.ghMentions) {
    const link = typeof options.ghMentionsLink === 'string' ? options.ghMentionsLink : 'https://github.com/{u}';
    marked.use({ hooks: { postprocess: (html: string) => html.replace(/(^|[\s>])@([a-z\d](?:[a-z\d-]{0,38}))\b/gi, (_m, lead: string, user: string) => `${lead}<a href="${escapeHtml(link.replace('{u}', user))}">@${user}</a>`) } });
  }
  const html = (marked.parse(options.smartIndentationFix ? smartIndentationFix(markdown) : markdown) as string).trim();
  if (!options.completeHTMLDocument) return html;
  return `<!DOCTYPE HTML>\n<html>\n<head>\n<meta charset="utf-8">\n</head>\n<body>\n${html}\n</body>\n</html>`;
}
