// A small JavaScript tokenizer for the extension rewrite: enough to tell code from strings,
// comments, regexes and template literals, and to find matching brackets. Not a validator:
// anything it cannot make sense of is left for the isolate's parser to reject.

export type TokenKind = 'id' | 'num' | 'str' | 'tpl' | 're' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for 'tpl', the raw literal including backticks). */
  text: string;
  /** Whitespace and comments before the token. */
  lead: string;
  /** For template literals: the code inside each `${…}`, in order. */
  parts?: string[];
}

const PUNCTUATORS = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>',
];
const ID_START = /[A-Za-z_$\u0080-\uffff]/;
const ID_PART = /[\w$\u0080-\uffff]/;
/** After these keywords an expression starts, so `/` opens a regex. */
const KEYWORDS_BEFORE_EXPR = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

export class TokenizeError extends Error {}

function regexAllowed(prev: Token | undefined): boolean {
  if (!prev) return true;
  if (prev.kind === 'num' || prev.kind === 'str' || prev.kind === 'tpl' || prev.kind === 're') return false;
  if (prev.kind === 'id') return KEYWORDS_BEFORE_EXPR.has(prev.text);
  return ![')', ']', '}'].includes(prev.text);
}

/** Index just past the string literal starting at `i` (a quote). */
function skipString(src: string, i: number): number {
  const q = src[i];
  let j = i + 1;
  while (j < src.length && src[j] !== q) {
    if (src[j] === '\\') j++;
    else if (src[j] === '\n') throw new TokenizeError('unterminated string');
    j++;
  }
  if (j >= src.length) throw new TokenizeError('unterminated string');
  return j + 1;
}

function skipRegex(src: string, i: number): number {
  let j = i + 1;
  let inClass = false;
  while (j < src.length) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) break;
    else if (c === '\n') throw new TokenizeError('unterminated regex');
    j++;
  }
  j++;
  while (j < src.length && ID_PART.test(src[j])) j++;
  return j;
}

/** Scans a template literal; returns its end and the code of each `${…}` part. */
function skipTemplate(src: string, i: number): { end: number; parts: string[] } {
  const parts: string[] = [];
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (c === '\\') j += 2;
    else if (c === '`') return { end: j + 1, parts };
    else if (c === '$' && src[j + 1] === '{') {
      const { end } = tokenizeUntilClose(src, j + 2);
      parts.push(src.slice(j + 2, end));
      j = end + 1;
    } else j++;
  }
  throw new TokenizeError('unterminated template');
}

/** Tokenizes from `start` until an unmatched `}` (or the end); returns tokens and that index. */
function tokenizeUntilClose(src: string, start: number): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let i = start;
  let depth = 0;
  while (true) {
    const leadStart = i;
    while (i < src.length) {
      if (/\s/.test(src[i])) i++;
      else if (src.startsWith('//', i)) {
        const nl = src.indexOf('\n', i);
        i = nl === -1 ? src.length : nl;
      } else if (src.startsWith('/*', i)) {
        const close = src.indexOf('*/', i + 2);
        if (close === -1) throw new TokenizeError('unterminated comment');
        i = close + 2;
      } else break;
    }
    const lead = src.slice(leadStart, i);
    if (i >= src.length) {
      if (lead) tokens.push({ kind: 'punct', text: '', lead });
      return { tokens, end: i };
    }
    const c = src[i];
    const prev = tokens[tokens.length - 1];
    let end: number;
    let kind: TokenKind;
    let parts: string[] | undefined;
    if (c === '}' && depth === 0 && start > 0) {
      if (lead) tokens.push({ kind: 'punct', text: '', lead });
      return { tokens, end: i };
    }
    if (ID_START.test(c)) {
      end = i + 1;
      while (end < src.length && ID_PART.test(src[end])) end++;
      kind = 'id';
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xXoObB][\da-fA-F_]+n?|(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?n?)/.exec(src.slice(i));
      end = i + (m ? m[0].length : 1);
      kind = 'num';
    } else if (c === '"' || c === "'") {
      end = skipString(src, i);
      kind = 'str';
    } else if (c === '`') {
      ({ end, parts } = skipTemplate(src, i));
      kind = 'tpl';
    } else if (c === '/' && regexAllowed(prev)) {
      end = skipRegex(src, i);
      kind = 're';
    } else {
      const p = PUNCTUATORS.find((x) => src.startsWith(x, i) && !(x === '?.' && /\d/.test(src[i + 2] ?? '')));
      end = i + (p ? p.length : 1);
      kind = 'punct';
      if (c === '{') depth++;
      if (c === '}') depth--;
    }
    tokens.push({ kind, text: src.slice(i, end), lead, ...(parts ? { parts } : {}) });
    i = end;
  }
}

export function tokenize(src: string): Token[] {
  return tokenizeUntilClose(src, 0).tokens;
}
