// Parameter templates: `=text {{ code }} text`. Splitting follows n8n's rules (tournament's
// splitter); the generated wrapper reproduces tmpl's result typing and error swallowing.
import { transformCode } from './transform.ts';

export interface TemplateChunk {
  type: 'text' | 'code';
  text: string;
}

/** A parameter value is an expression when it is a string starting with '='. */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && value.charAt(0) === '=';
}

/**
 * Scans code up to its end: whether it ends inside a '…', "…" or `…` literal, and how many `{`
 * outside literals are still open.
 */
function scanCode(text: string): { inString: boolean; openBraces: number } {
  let quote = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  return { inString: quote !== '', openBraces: depth };
}

/**
 * Splits a template (the part after '=') into alternating text and code chunks. The first chunk
 * is always text (maybe empty). `\{{` stays literal text; `}}` inside a string literal in the
 * code, or closing a brace opened in the code, does not end it; an unclosed `{{` makes the rest code.
 */
export function splitTemplate(template: string): TemplateChunk[] {
  const chunks: TemplateChunk[] = [];
  let buffer = '';
  let inCode = false;
  let i = 0;
  while (i < template.length) {
    const rest = template.slice(i);
    const at = rest.search(inCode ? /\\?\}\}/ : /\\?\{\{/);
    if (at === -1) {
      buffer += rest;
      break;
    }
    if (rest[at] === '\\') {
      buffer += rest.slice(0, at + 3);
      i += at + 3;
      continue;
    }
    if (inCode) {
      const scan = scanCode(buffer + rest.slice(0, at));
      // `}}` inside a string literal does not close the code (n8n's rule). Beyond n8n, neither
      // does a `}` that closes a brace the code opened: `{{ (() => { return {a: 1}}) () }}`.
      if (scan.inString || scan.openBraces > 0) {
        const skip = scan.inString ? 2 : 1;
        buffer += rest.slice(0, at + skip);
        i += at + skip;
        continue;
      }
    }
    buffer += rest.slice(0, at);
    chunks.push(inCode ? { type: 'code', text: buffer.replace('\\}}', '}}') } : { type: 'text', text: buffer });
    inCode = !inCode;
    buffer = '';
    i += at + 2;
  }
  if (buffer !== '' || chunks.length === 0 || inCode) {
    chunks.push(inCode ? { type: 'code', text: buffer.replace('\\}}', '}}') } : { type: 'text', text: buffer });
  }
  return chunks;
}

/** `={{ x }}` with nothing around it yields x's raw value; anything else is joined into a string. */
export function isWholeValue(chunks: TemplateChunk[]): boolean {
  return chunks.length === 2 && chunks[0].type === 'text' && chunks[0].text === '' && chunks[1].type === 'code';
}

// Names n8n hides from expressions; shadowed by parameters of the generated wrapper.
const SHADOWED = ['eval', 'Function', 'Promise', 'Reflect', 'Proxy', 'WebAssembly', 'globalThis', 'global', 'window', 'self', 'queueMicrotask'];

function codeOf(chunk: TemplateChunk): string {
  const trimmed = chunk.text.trim();
  if (trimmed === '') return 'undefined';
  // `{{ {a: 1} }}` is an object literal, not a block.
  const code = transformCode(trimmed[0] === '{' ? `(${chunk.text})` : chunk.text).replace(/;\s*$/, '');
  return code;
}

/**
 * Builds the isolate-side wrapper for a split template: `(function(){…})` whose call returns the
 * raw value (whole-value form) or the joined string. Non-ExpressionErrors make a chunk undefined.
 */
export function buildSource(chunks: TemplateChunk[]): string {
  let body: string;
  if (isWholeValue(chunks)) {
    body = `try { return (${codeOf(chunks[1])}\n); } catch (e) { __W.onError(e); }`;
  } else {
    const parts = chunks
      .filter((c) => c.type === 'code' || c.text !== '')
      .map((c) =>
        c.type === 'text'
          ? JSON.stringify(c.text)
          : `(function () { try { var v = (${codeOf(c)}\n); return v || v === 0 || v === false ? v : ''; } catch (e) { __W.onError(e); return ''; } }).call(this)`,
      );
    body = `return [${parts.join(', ')}].join('');`;
  }
  return `(function (${SHADOWED.join(', ')}) { return function () { ${body} }; })()`;
}
