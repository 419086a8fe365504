// Walks a declarative node's properties for one item and gathers what their `routing` adds to
// the request: the property's own routing with `$value` its value, the routing of the chosen
// option of an `options` parameter, and the children of collections and fixedCollections (with
// `$parent` and `$index` for each entry), each only where its displayOptions hold.
import type { N8nNodeProperty } from '../n8n-types.ts';
import { emptyRequestData, isDisplayed, mergeRequestData, setPath, type DisplayScope, type RequestData, type PostReceiveAction, type PreSendFn } from './request-data.ts';

/** Resolves a description value with extra `$` keys for the current item. */
export type Resolve = (value: unknown, additionalKeys: Record<string, unknown>) => unknown;

type Routing = {
  request?: Record<string, unknown>;
  send?: { type?: string; property?: string; value?: unknown; propertyInDotNotation?: boolean; preSend?: PreSendFn[]; paginate?: unknown };
  output?: { maxResults?: unknown; postReceive?: PostReceiveAction[] };
  operations?: Record<string, unknown>;
};

/** Applies one routing block (of a property or of a chosen option) with `$value` = value. */
export function applyRouting(routing: Routing, value: unknown, keys: Record<string, unknown>, resolve: Resolve): RequestData {
  const data = emptyRequestData();
  const withValue = { ...keys, $value: value };
  if (routing.operations) Object.assign(data.requestOperations, routing.operations);
  if (routing.request) {
    for (const [key, raw] of Object.entries(routing.request)) {
      (data.options as Record<string, unknown>)[key] = resolve(raw, withValue);
    }
  }
  const send = routing.send;
  if (send) {
    if (send.property !== undefined) {
      const name = String(resolve(send.property, withValue));
      const sent = send.value !== undefined ? resolve(send.value, withValue) : value;
      const target = send.type === 'body' ? 'body' : send.type === 'headers' ? 'headers' : 'qs';
      const bag = ((data.options as Record<string, unknown>)[target] ??= {}) as Record<string, unknown>;
      if (send.propertyInDotNotation === false || target === 'headers') bag[name] = sent;
      else setPath(bag, name, sent);
    }
    if (send.preSend) data.preSend.push(...send.preSend);
    if (send.paginate !== undefined) data.paginate = Boolean(resolve(send.paginate, withValue));
  }
  if (routing.output) {
    if (routing.output.maxResults !== undefined) data.maxResults = resolve(routing.output.maxResults, withValue);
    // Actions switched off by `enabled` (a boolean or an expression) are dropped here, as in n8n.
    const actions = (routing.output.postReceive ?? []).filter((a) => typeof a === 'function' || a.enabled === undefined || Boolean(resolve(a.enabled, withValue)));
    if (actions.length) data.postReceive.push({ parameterValue: value, actions });
  }
  return data;
}

interface OptionLike {
  name?: string;
  displayName?: string;
  value?: unknown;
  values?: N8nNodeProperty[];
  routing?: Routing;
  [key: string]: unknown;
}

/** Request data from one property with value `value`; undefined when it is not displayed. */
export function collectProperty(
  property: N8nNodeProperty,
  value: unknown,
  scope: DisplayScope,
  keys: Record<string, unknown>,
  resolve: Resolve,
): RequestData | undefined {
  if (!isDisplayed(property, scope)) return undefined;
  const data = emptyRequestData();
  const scoped = { ...keys, $value: value };
  if (property.routing) mergeRequestData(data, applyRouting(property.routing as Routing, value, keys, resolve));
  const options = (property.options ?? []) as OptionLike[];
  if (property.type === 'options') {
    const chosen = options.find((o) => o.value === value);
    if (chosen?.routing) mergeRequestData(data, applyRouting(chosen.routing, value, keys, resolve));
  } else if (property.type === 'collection' && value !== null && typeof value === 'object') {
    const entries = value as Record<string, unknown>;
    for (const child of options as unknown as N8nNodeProperty[]) {
      if (!(child.name in entries)) continue;
      const childScope = { ...scope, siblings: entries };
      mergeRequestData(data, collectProperty(child, entries[child.name], childScope, scoped, resolve));
    }
  } else if (property.type === 'fixedCollection' && value !== null && typeof value === 'object') {
    const groups = value as Record<string, unknown>;
    for (const group of options) {
      const groupValue = groups[group.name ?? ''];
      if (groupValue === undefined) continue;
      const list = Array.isArray(groupValue) ? groupValue : [groupValue];
      list.forEach((entry: Record<string, unknown>, index) => {
        for (const inner of group.values ?? []) {
          const innerValue = entry?.[inner.name] ?? inner.default;
          const innerKeys = { ...scoped, $index: index, $parent: entry };
          mergeRequestData(data, collectProperty(inner, innerValue, { ...scope, siblings: entry }, innerKeys, resolve));
        }
      });
    }
  }
  return data;
}
