// Request data collected from a declarative description for one item: the options every
// displayed property's `routing` adds (request, send), its preSend and postReceive steps,
// output.maxResults, send.paginate and operations (pagination). n8n's RoutingNode rules.
import type { N8nHttpRequestOptions, N8nNodeProperty } from '../n8n-types.ts';
import type { Item } from '../../../engine/index.ts';
import type { N8nFullResponse } from './functions.ts';

export type PreSendFn = (this: unknown, options: N8nHttpRequestOptions) => Promise<N8nHttpRequestOptions>;
export type PostReceiveFn = (this: unknown, items: Item[], response: N8nFullResponse) => Promise<Item[]>;
export type PostReceiveAction = PostReceiveFn | { type: string; enabled?: unknown; properties?: Record<string, unknown> };

export interface RequestData {
  options: N8nHttpRequestOptions;
  preSend: PreSendFn[];
  postReceive: Array<{ parameterValue: unknown; actions: PostReceiveAction[] }>;
  requestOperations: Record<string, unknown>;
  maxResults?: unknown;
  paginate?: unknown;
}

/** Empty request data; `url` stays unset so merging a part never clears one set before. */
export function emptyRequestData(): RequestData {
  return { options: { qs: {}, body: {}, headers: {} } as unknown as N8nHttpRequestOptions, preSend: [], postReceive: [], requestOperations: {} };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v) && !(v instanceof Date);

/** lodash-style deep merge into `target` (objects merge, everything else replaces). */
export function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    const current = target[key];
    if (isPlainObject(value) && isPlainObject(current)) deepMerge(current, value);
    else target[key] = isPlainObject(value) ? deepMerge({}, value) : value;
  }
  return target;
}

/** Sets `path` (dots, `a[0]` indexes) inside `target`, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((k) => k !== '');
  let cur: Record<string, unknown> = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) cur[key] = value;
    else {
      if (!isPlainObject(cur[key]) && !Array.isArray(cur[key])) cur[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
      cur = cur[key] as Record<string, unknown>;
    }
  });
}

export function getPath(source: unknown, path: string): unknown {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((k) => k !== '');
  let cur = source;
  for (const key of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function mergeRequestData(dest: RequestData, src: RequestData | undefined): void {
  if (!src) return;
  dest.paginate = dest.paginate ?? src.paginate;
  if (src.maxResults !== undefined) dest.maxResults = src.maxResults;
  deepMerge(dest.options as Record<string, unknown>, src.options as Record<string, unknown>);
  dest.preSend.push(...src.preSend);
  dest.postReceive.push(...src.postReceive);
  Object.assign(dest.requestOperations, src.requestOperations);
}

/** Where parameter values are looked up for displayOptions: the level's siblings, then the root. */
export interface DisplayScope {
  root: Record<string, unknown>;
  siblings?: Record<string, unknown>;
  typeVersion: number;
}

/** n8n's displayOptions conditions (`{ _cnd: { gte: 2 } }` and friends). */
function condition(actual: unknown, cnd: Record<string, unknown>): boolean {
  const [op, target] = Object.entries(cnd)[0] ?? [];
  const n = actual as number;
  const t = target as number;
  switch (op) {
    case 'eq': return actual === target;
    case 'not': return actual !== target;
    case 'gte': return n >= t;
    case 'lte': return n <= t;
    case 'gt': return n > t;
    case 'lt': return n < t;
    case 'between': {
      const { from, to } = target as { from: number; to: number };
      return n >= from && n <= to;
    }
    case 'startsWith': return typeof actual === 'string' && actual.startsWith(String(target));
    case 'endsWith': return typeof actual === 'string' && actual.endsWith(String(target));
    case 'includes': return typeof actual === 'string' && actual.includes(String(target));
    case 'regex': return typeof actual === 'string' && new RegExp(String(target)).test(actual);
    case 'exists': return actual !== undefined && actual !== null && actual !== '';
    default: return false;
  }
}

function matches(actual: unknown, allowed: unknown[]): boolean {
  return allowed.some((a) => {
    if (isPlainObject(a) && isPlainObject(a._cnd)) return condition(actual, a._cnd);
    return a === actual || (Array.isArray(actual) && actual.includes(a));
  });
}

/** n8n's displayParameter: `show` needs every key to match, `hide` any key. */
export function isDisplayed(property: Pick<N8nNodeProperty, 'displayOptions'>, scope: DisplayScope): boolean {
  const options = property.displayOptions;
  if (!options) return true;
  const valueOf = (key: string): unknown => {
    if (key === '@version') return scope.typeVersion;
    if (key.startsWith('/')) return getPath(scope.root, key.slice(1));
    return scope.siblings && key in scope.siblings ? scope.siblings[key] : getPath(scope.root, key);
  };
  for (const [key, allowed] of Object.entries(options.show ?? {})) {
    if (!matches(valueOf(key), allowed ?? [])) return false;
  }
  for (const [key, denied] of Object.entries(options.hide ?? {})) {
    if (matches(valueOf(key), denied ?? [])) return false;
  }
  return true;
}
