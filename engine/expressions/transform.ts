// Rewrites n8n extension calls so they work on any value, including null and primitives:
// `x.isEmpty()` → `__extend(x, "isEmpty", [])`, `x?.fn()` → `__extendOptional(…)`, and
// `$if(a, b, c)` → `((a) ? (b) : (c))` (lazy, as n8n's AST pass makes it).
import { EXTENSION_CALL, EXTENSION_NAMES } from './extension-names.ts';
import { tokenize, type Token } from './js-tokens.ts';

interface Group {
  open: Token;
  children: Node[];
  close?: Token;
}
type Node = Token | Group;

const isGroup = (n: Node | undefined): n is Group => n !== undefined && 'children' in n;
const isTok = (n: Node | undefined, text?: string): n is Token =>
  n !== undefined && !isGroup(n) && (text === undefined || n.text === text);

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
/** Identifiers that are operators or statements, not values a chain can start from. */
const NOT_VALUE = new Set([
  'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'return', 'case', 'do', 'else', 'yield',
  'await', 'var', 'let', 'const', 'if', 'for', 'while', 'function', 'class', 'switch', 'try', 'catch', 'finally',
  'break', 'continue', 'default', 'debugger', 'with', 'import', 'export', 'extends', 'async', 'static', 'get', 'set',
]);

function buildTree(tokens: Token[]): Node[] {
  const root: Node[] = [];
  const stack: { group: Group | null; list: Node[] }[] = [{ group: null, list: root }];
  for (const t of tokens) {
    const top = stack[stack.length - 1];
    if (t.kind === 'punct' && OPEN[t.text]) {
      const g: Group = { open: t, children: [] };
      top.list.push(g);
      stack.push({ group: g, list: g.children });
    } else if (t.kind === 'punct' && top.group && t.text === OPEN[top.group.open.text]) {
      top.group.close = t;
      stack.pop();
    } else {
      top.list.push(t);
    }
  }
  return root;
}

function emitToken(t: Token): string {
  if (t.kind === 'tpl' && t.parts?.length) {
    // Rebuild the template with each `${…}` part rewritten.
    let out = '';
    let rest = t.text;
    for (const part of t.parts) {
      const at = rest.indexOf('${' + part + '}');
      out += rest.slice(0, at) + '${' + transformCode(part) + '}';
      rest = rest.slice(at + part.length + 3);
    }
    return t.lead + out + rest;
  }
  return t.lead + t.text;
}

function emitNode(n: Node): string {
  if (!isGroup(n)) return emitToken(n);
  return emitToken(n.open) + emitSeq(n.children) + (n.close ? emitToken(n.close) : '');
}

function startsChain(n: Node): boolean {
  if (isGroup(n)) return n.open.text !== '{';
  if (n.kind === 'id') return !NOT_VALUE.has(n.text);
  return n.kind === 'num' || n.kind === 'str' || n.kind === 'tpl' || n.kind === 're';
}

/** Splits a call's argument list at its top-level commas. */
function splitArgs(children: Node[]): Node[][] {
  const args: Node[][] = [[]];
  for (const c of children) {
    if (isTok(c, ',')) args.push([]);
    else args[args.length - 1].push(c);
  }
  return args.filter((a, i) => a.length > 0 || i < args.length - 1);
}

function emitIf(name: Token, call: Group): string | undefined {
  const args = splitArgs(call.children);
  if (args.length < 2 || args.some((a) => a.some((n) => isTok(n, '...')))) return undefined;
  const [test, yes, no] = args.map((a) => emitSeq(a));
  return `${name.lead}((${test}) ? (${yes}) : (${no ?? 'false'}))`;
}

/** Emits one member/call chain starting at `nodes[i]`, rewriting extension calls in it. */
function emitChain(nodes: Node[], i: number, start?: string): [string, number] {
  if (start !== undefined) return continueChain(nodes, i, start, '');
  const first = nodes[i];
  if (isTok(first, '$if') && isGroup(nodes[i + 1]) && (nodes[i + 1] as Group).open.text === '(') {
    const rewritten = emitIf(first, nodes[i + 1] as Group);
    if (rewritten !== undefined) return [rewritten, i + 2];
  }
  const lead = isGroup(first) ? first.open.lead : first.lead;
  return continueChain(nodes, i + 1, emitNode(first).slice(lead.length), lead);
}

function continueChain(nodes: Node[], from: number, receiver: string, lead: string): [string, number] {
  let recv = receiver;
  let j = from;
  while (j < nodes.length) {
    const n = nodes[j];
    const name = nodes[j + 1];
    const call = nodes[j + 2];
    if ((isTok(n, '.') || isTok(n, '?.')) && isTok(name) && name.kind === 'id') {
      if (EXTENSION_NAMES.has(name.text) && isGroup(call) && call.open.text === '(') {
        const fn = n.text === '?.' ? '__extendOptional' : '__extend';
        recv = `${fn}(${recv}, ${JSON.stringify(name.text)}, [${emitSeq(call.children)}])`;
        j += 3;
        continue;
      }
      recv += emitNode(n) + emitNode(name);
      j += 2;
      continue;
    }
    if (isTok(n, '?.') && isGroup(name)) {
      recv += emitNode(n) + emitNode(name);
      j += 2;
      continue;
    }
    if ((isGroup(n) && n.open.text !== '{') || (isTok(n) && n.kind === 'tpl')) {
      recv += emitNode(n);
      j += 1;
      continue;
    }
    break;
  }
  return [lead + recv, j];
}

function emitSeq(nodes: Node[]): string {
  let out = '';
  let i = 0;
  while (i < nodes.length) {
    const n = nodes[i];
    if (isTok(n, 'new')) {
      // `new X(…)` binds before any member call on it: keep it whole as the chain's start.
      let j = i + 1;
      let text = n.text;
      while (j < nodes.length && (isTok(nodes[j], '.') || (isTok(nodes[j]) && (nodes[j] as Token).kind === 'id'))) text += emitNode(nodes[j++]);
      if (isGroup(nodes[j]) && (nodes[j] as Group).open.text === '(') text += emitNode(nodes[j++]);
      const [chain, next] = emitChain(nodes, j, j < nodes.length && isTok(nodes[j], '.') ? `(${text})` : text);
      out += n.lead + chain;
      i = next;
      continue;
    }
    if (startsChain(n)) {
      const [text, next] = emitChain(nodes, i);
      out += text;
      i = next;
      continue;
    }
    out += emitNode(n);
    i++;
  }
  return out;
}

/** Rewrites one `{{ }}` code chunk. Code without extension calls is returned unchanged. */
export function transformCode(code: string): string {
  if (!EXTENSION_CALL.test(code)) return code;
  return emitSeq(buildTree(tokenize(code)));
}
