// Request data collected from a declarative description for one item: the options every
// displayed property's `routing` adds (request, send), its preSend and postReceive steps,
// output.maxResults, send.paginate and operations (pagination). n8n's RoutingNode rules.
import type { N8nHttpRequestOptions, N8nNodeProperty } from '../n8n-types.ts';
import { isDisplayed as isPropertyDisplayed, type DisplayOptions } from '../../../domain/index.ts';
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

/** n8n's displayParameter, by the rules the editor and our own nodes use (domain/node-properties.ts). */
export function isDisplayed(property: Pick<N8nNodeProperty, 'displayOptions'>, scope: DisplayScope): boolean {
  return isPropertyDisplayed(scope.siblings ?? scope.root, property as { displayOptions?: DisplayOptions }, { typeVersion: scope.typeVersion }, scope.root);
}
