// HTML to Markdown with turndown, following n8n's (node-html-markdown's) options: markers and
// delimiters, code block style and fence, ignored and block elements, data: images, link references,
// escape and text replacement patterns applied to text, and the most consecutive new lines.
import TurndownService from 'turndown';
import type { JsonObject } from '../../engine/index.ts';

type Pattern = { pattern?: string; replacement?: string };

const list = (value: unknown) => String(value ?? '').split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean);

function pattern(value: unknown): Pattern | undefined {
  const entry = (value as { value?: Pattern } | undefined)?.value;
  return entry?.pattern ? entry : undefined;
}

export function htmlToMarkdown(html: string, options: JsonObject): string {
  const bullet = typeof options.bulletMarker === 'string' && options.bulletMarker ? options.bulletMarker : '*';
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: bullet as '*',
    codeBlockStyle: options.codeBlockStyle === 'indented' ? 'indented' : 'fenced',
    fence: (typeof options.codeFence === 'string' && options.codeFence ? options.codeFence : '```') as '```',
    emDelimiter: (typeof options.emDelimiter === 'string' && options.emDelimiter ? options.emDelimiter : '_') as '_',
    strongDelimiter: (typeof options.strongDelimiter === 'string' && options.strongDelimiter ? options.strongDelimiter : '**') as '**',
    linkStyle: options.useLinkReferenceDefinitions ? 'referenced' : 'inlined',
    linkReferenceStyle: 'full',
  });
  // One space after the list marker, as node-html-markdown writes lists.
  service.addRule('listItem', {
    filter: 'li',
    replacement(content, node) {
      const parent = node.parentNode as HTMLElement | null;
      const ordered = parent?.nodeName === 'OL';
      const index = parent ? Array.prototype.indexOf.call(parent.children, node) : 0;
      const start = ordered ? Number(parent?.getAttribute('start') ?? 1) : 1;
      const marker = ordered ? `${start + index}.` : bullet;
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '\n').replace(/\n/gm, `\n${' '.repeat(marker.length + 1)}`);
      return `${marker} ${body.trimEnd()}${node.nextSibling ? '\n' : ''}`;
    },
  });
  const ignored = list(options.ignore);
  // A rule, not service.remove: turndown's own rules (headings, paragraphs) win over removals.
  if (ignored.length) service.addRule('ignored', { filter: (node) => ignored.includes(node.nodeName.toLowerCase()), replacement: () => '' });
  if (!options.keepDataImages) {
    service.addRule('dataImages', { filter: (node) => node.nodeName === 'IMG' && /^data:/i.test(node.getAttribute('src') ?? ''), replacement: () => '' });
  }
  const blocks = list(options.blockElements);
  if (blocks.length) service.addRule('blocks', { filter: (node) => blocks.includes(node.nodeName.toLowerCase()), replacement: (content) => `\n\n${content}\n\n` });
  const globalEscape = pattern(options.globalEscape);
  const lineStart = pattern(options.lineStartEscape);
  const replacements = ((options.textReplace as { values?: Pattern[] } | undefined)?.values ?? []).filter((entry) => entry.pattern);
  if (globalEscape || lineStart || replacements.length) {
    const defaultEscape = service.escape.bind(service);
    service.escape = (text: string) => {
      let out = text;
      for (const entry of replacements) out = out.replace(new RegExp(entry.pattern!, 'g'), entry.replacement ?? '');
      if (!globalEscape && !lineStart) return defaultEscape(out);
      if (globalEscape) out = out.replace(new RegExp(globalEscape.pattern!, 'g'), globalEscape.replacement ?? '');
      if (lineStart) out = out.replace(new RegExp(lineStart.pattern!, 'gm'), lineStart.replacement ?? '');
      return out;
    };
  }
  const markdown = service.turndown(html);
  const most = Number(options.maxConsecutiveNewlines ?? 3);
  return most > 0 ? markdown.replace(new RegExp(`\\n{${most + 1},}`, 'g'), '\n'.repeat(most)) : markdown;
}
