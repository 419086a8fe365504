// Declarative pagination (`operations.pagination`, switched on by a parameter's `send.paginate`):
// n8n's generic kind (the `request` changes evaluated before each call with the last `$response`,
// repeat while `continue` is true), the offset kind (limit/offset parameters, stop at a short
// page or at maxResults) and a package's own function.
import type { Item } from '../../../engine/index.ts';
import type { N8nHttpRequestOptions } from '../n8n-types.ts';
import type { N8nFullResponse } from './functions.ts';
import { getPath, type RequestData } from './request-data.ts';
import type { Resolve } from './routing.ts';

/** One request with the current options, and its response made into items. */
export interface PageFetcher {
  request(options: N8nHttpRequestOptions): Promise<N8nFullResponse>;
  toItems(response: N8nFullResponse): Promise<Item[]>;
}

type GenericPagination = { type: 'generic'; properties: { continue: unknown; request: Record<string, unknown> } };
type OffsetPagination = {
  type: 'offset';
  properties: { limitParameter: string; offsetParameter: string; pageSize: number; rootProperty?: string; type?: 'query' | 'body' };
};

// A runaway `continue` expression must not loop for ever.
const MAX_PAGES = 10_000;

export async function paginate(data: RequestData, pagination: unknown, fetcher: PageFetcher, resolve: Resolve): Promise<Item[]> {
  const p = pagination as GenericPagination | OffsetPagination;
  const results: Item[] = [];
  if (p.type === 'generic') {
    // Before each call the `request` changes are evaluated against the previous response ({} at
    // first) and laid over the options one level deep, as n8n does (a `qs` there replaces the qs).
    let response: N8nFullResponse | Record<string, never> = {};
    for (let page = 0; page < MAX_PAGES; page++) {
      const changes = resolve(p.properties.request ?? {}, { $request: data.options, $response: response, $pageCount: page }) as Record<string, unknown>;
      response = await fetcher.request({ ...data.options, ...changes } as N8nHttpRequestOptions);
      results.push(...(await fetcher.toItems(response)));
      if (!resolve(p.properties.continue, { $request: data.options, $response: response, $pageCount: page + 1 })) break;
    }
    return results;
  }
  if (p.type === 'offset') {
    const { limitParameter, offsetParameter, pageSize, rootProperty } = p.properties;
    const where = p.properties.type === 'body' ? 'body' : 'qs';
    const bag = ((data.options as Record<string, unknown>)[where] ??= {}) as Record<string, unknown>;
    bag[limitParameter] = pageSize;
    bag[offsetParameter] = 0;
    const max = data.maxResults ? Number(data.maxResults) : undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      if (max !== undefined) {
        const missing = max - results.length;
        if (missing < 1) break;
        bag[limitParameter] = Math.min(pageSize, missing);
      }
      const response = await fetcher.request(data.options);
      let items = await fetcher.toItems(response);
      bag[offsetParameter] = Number(bag[offsetParameter]) + pageSize;
      if (rootProperty) {
        const inner = getPath(items[0]?.json, rootProperty);
        if (inner === undefined) throw new Error(`The rootProperty "${rootProperty}" could not be found on item.`);
        items = (Array.isArray(inner) ? inner : [inner]).map((json) => ({ json }));
      }
      results.push(...items);
      if (items.length === 0 || items.length !== pageSize) break;
    }
    return results;
  }
  throw new Error(`Unknown pagination type "${(p as { type?: string }).type}"`);
}
