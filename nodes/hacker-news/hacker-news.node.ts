// Hacker News (n8n-nodes-base.hackerNews v1) on the public Algolia HN Search API: search (all:getAll,
// `hitsPerPage`, paging through `page` until `nbPages`), items/{id} (article:get, comments dropped
// unless asked for) and users/{name}. No credential.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { createTransport, send } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { pause, retryAfterMs } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { hackerNewsProperties } from './hacker-news.description.ts';

export const hackerNewsBaseUrl = () => serviceUrl('hacker-news', 'https://hn.algolia.com/api/v1');
const TIMEOUT_MS = 60_000;
/** Algolia serves at most this many hits per page. */
const PAGE_SIZE = 100;

async function hnGet(ctx: ExecuteContext, transport: Dispatcher, path: string, query: Record<string, string> = {}): Promise<JsonObject> {
  const search = new URLSearchParams(query).toString();
  const url = `${hackerNewsBaseUrl()}/${path}${search ? `?${search}` : ''}`;
  for (let attempt = 0; ; attempt++) {
    const response = await send(transport, { method: 'GET', url, headers: { accept: 'application/json' } }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks,
    });
    const text = response.body.toString('utf8');
    if (response.statusCode === 429 && attempt < 3) {
      await pause(Math.min(retryAfterMs(response.headers['retry-after']) ?? 1000, 60_000), ctx.signal);
      continue;
    }
    let body: JsonObject = {};
    try {
      body = JSON.parse(text) as JsonObject;
    } catch { /* judged below */ }
    if (response.statusCode >= 400) {
      const said = typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : text.slice(0, 300);
      throw new NodeOperationError(ctx.node.name, statusErrorMessage(response.statusCode), { description: said });
    }
    return body;
  }
}

async function search(ctx: ExecuteContext, transport: Dispatcher, itemIndex: number): Promise<JsonObject[]> {
  const fields = collection(ctx, 'additionalFields', itemIndex);
  const query: Record<string, string> = {
    query: String(fields.keyword ?? ''),
    tags: Array.isArray(fields.tags) ? (fields.tags as string[]).join(',') : '',
  };
  if (!param(ctx, 'returnAll', itemIndex, false)) {
    query.hitsPerPage = String(param(ctx, 'limit', itemIndex, 100));
    return ((await hnGet(ctx, transport, 'search', query)).hits as JsonObject[] | undefined) ?? [];
  }
  const hits: JsonObject[] = [];
  query.hitsPerPage = String(PAGE_SIZE);
  for (let page = 0; ; page++) {
    const answer = await hnGet(ctx, transport, 'search', { ...query, page: String(page) });
    const pageHits = (answer.hits as JsonObject[] | undefined) ?? [];
    hits.push(...pageHits);
    const pages = Number(answer.nbPages ?? 0);
    if (pageHits.length === 0 || page + 1 >= pages) return hits;
  }
}

async function runItem(ctx: ExecuteContext, transport: Dispatcher, resource: string, operation: string, itemIndex: number): Promise<JsonObject | JsonObject[]> {
  if (resource === 'all' && operation === 'getAll') return search(ctx, transport, itemIndex);
  if (resource === 'article' && operation === 'get') {
    const article = await hnGet(ctx, transport, `items/${encodeURIComponent(param(ctx, 'articleId', itemIndex, ''))}`);
    if (!collection(ctx, 'additionalFields', itemIndex).includeComments) delete article.children;
    return article;
  }
  if (resource === 'user' && operation === 'get') return hnGet(ctx, transport, `users/${encodeURIComponent(param(ctx, 'username', itemIndex, ''))}`);
  throw new NodeOperationError(ctx.node.name, `The operation '${operation}' is unknown!`, { itemIndex });
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const resource = param(ctx, 'resource', 0, 'article');
  const operation = param(ctx, 'operation', 0, resource === 'all' ? 'getAll' : 'get');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const output: Item[] = [];
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        const answer = await runItem(ctx, transport, resource, operation, i);
        for (const json of Array.isArray(answer) ? answer : [answer]) output.push({ json, pairedItem: { item: i } });
      } catch (error) {
        if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, i);
        output.push({ json: { error: errorMessage(serviceCallError(ctx.node.name, error, i)) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await transport.close();
  }
  return [output];
}

export const hackerNewsNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.hackerNews', displayName: 'Hacker News', icon: 'fa:hacker-news', group: ['transform'], version: [1],
    description: 'Consume Hacker News API', defaults: { name: 'Hacker News' }, inputs: ['main'], outputs: ['main'],
    properties: hackerNewsProperties,
  },
  execute,
};
