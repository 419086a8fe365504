// Pagination of the HTTP Request node: the next request comes from the last response through
// expressions that may use `$response`, `$pageCount` and `$request`.
import type { ExecuteContext, JsonObject } from '../../engine/index.ts';
import type { BuiltRequest } from './build-request.ts';

export interface PaginationSettings {
  mode: 'off' | 'updateAParameterInEachRequest' | 'responseContainsNextURL';
  /** Raw parameter text (expressions unresolved). */
  nextURL: string;
  parameters: { type: 'body' | 'headers' | 'qs'; name: string; value: string }[];
  completeWhen: 'responseIsEmpty' | 'receiveSpecificStatusCodes' | 'other';
  statusCodes: number[];
  completeExpression: string;
  maxPages?: number;
  intervalMs: number;
}

export interface PageVariables {
  $response: { body: unknown; headers: unknown; statusCode: number; statusMessage: string };
  $pageCount: number;
  $request: { method: string; url: string; qs: JsonObject; headers: Record<string, string>; body?: unknown };
}

function get(root: unknown, path: string[]): unknown {
  let cur = root;
  for (const key of path) cur = cur !== null && typeof cur === 'object' ? (cur as JsonObject)[key] : undefined;
  return cur;
}

/**
 * The node's pagination settings. The expression fields are read raw from the node, since the
 * engine resolves parameters without the pagination variables.
 */
export function paginationSettings(ctx: ExecuteContext, i: number): PaginationSettings | undefined {
  const raw = get(ctx.node.parameters, ['options', 'pagination', 'pagination']) as JsonObject | undefined;
  if (!raw) return undefined;
  const base = 'options.pagination.pagination';
  const value = <T>(name: string, fallback: T) => (containsVars(raw[name]) ? fallback : (ctx.getNodeParameter(`${base}.${name}`, i, fallback) as T));
  const mode = value('paginationMode', 'updateAParameterInEachRequest') as PaginationSettings['mode'];
  if (mode === 'off') return undefined;
  const list = ((raw.parameters as JsonObject | undefined)?.parameters ?? []) as JsonObject[];
  return {
    mode,
    nextURL: String(raw.nextURL ?? ''),
    parameters: list.filter((p) => p.name).map((p) => ({ type: (p.type ?? 'qs') as 'body' | 'headers' | 'qs', name: String(p.name), value: String(p.value ?? '') })),
    completeWhen: value('paginationCompleteWhen', 'responseIsEmpty') as PaginationSettings['completeWhen'],
    statusCodes: String(value('statusCodesWhenComplete', '')).split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0),
    completeExpression: String(raw.completeExpression ?? ''),
    maxPages: value('limitPagesFetched', false) ? Number(value('maxRequests', 100)) : undefined,
    intervalMs: Number(value('requestInterval', 0)) || 0,
  };
}

function containsVars(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('=') && /\$(response|pageCount|request)\b/.test(value);
}

/**
 * A raw parameter value with the pagination variables available. The variables are put into the
 * expression text as JSON literals (the node SDK has no way to add variables to an evaluation).
 */
export function evaluateWithPage(ctx: ExecuteContext, raw: string, i: number, vars: PageVariables): unknown {
  if (!raw.startsWith('=')) return raw;
  const text = raw.slice(1).replace(/{{[\s\S]*?}}/g, (segment) =>
    segment.replace(/(?<![\w$.])\$(response|pageCount|request)\b/g, (_m, name: string) => `(${JSON.stringify(vars[`$${name}` as keyof PageVariables] ?? null)})`),
  );
  return ctx.evaluateExpression(text, i);
}

export function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return true;
  if (Array.isArray(body)) return body.length === 0;
  if (typeof body === 'object') return Object.keys(body).length === 0;
  return false;
}

/** The request for the next page, or undefined when there is no next URL. */
export function nextRequest(ctx: ExecuteContext, i: number, settings: PaginationSettings, current: BuiltRequest, vars: PageVariables): BuiltRequest | undefined {
  if (settings.mode === 'responseContainsNextURL') {
    const next = evaluateWithPage(ctx, settings.nextURL, i, vars);
    if (typeof next !== 'string' || next.trim() === '') return undefined;
    // The next URL carries its own query.
    return { ...current, url: new URL(next, current.url).toString(), query: {} };
  }
  const out: BuiltRequest = { ...current, query: { ...current.query }, headers: { ...current.headers } };
  for (const p of settings.parameters) {
    const value = evaluateWithPage(ctx, p.value, i, vars);
    if (p.type === 'qs') out.query[p.name] = value;
    else if (p.type === 'headers') out.headers[p.name.toLowerCase()] = String(value);
    else if (out.body?.kind === 'json' && out.body.value !== null && typeof out.body.value === 'object') out.body = { kind: 'json', value: { ...(out.body.value as JsonObject), [p.name]: value } };
    else if (out.body?.kind === 'form') out.body = { kind: 'form', fields: { ...out.body.fields, [p.name]: value } };
    else out.body = { kind: 'json', value: { [p.name]: value } };
  }
  return out;
}
