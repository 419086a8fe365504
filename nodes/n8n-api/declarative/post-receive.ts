// What declarative nodes do with a response before it becomes items: n8n's postReceive actions
// (rootProperty, set, setKeyValue, limit, filter, sort, binaryData, or a package's own function),
// applied in order; without any, an array body is one item per entry.
import type { BinaryData, Item, JsonObject } from '../../../engine/index.ts';
import type { DeclarativeFunctions, N8nFullResponse } from './functions.ts';
import { getPath, type PostReceiveAction, type RequestData } from './request-data.ts';
import type { Resolve } from './routing.ts';

const asJson = (v: unknown): JsonObject => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : { data: v });

/** The response body as items before any action: arrays split, other values one item. */
export function bodyToItems(body: unknown): Item[] {
  if (Array.isArray(body)) return body.map((entry) => ({ json: asJson(entry) }));
  if (body === undefined || body === '') return [{ json: {} }];
  return [{ json: asJson(body) }];
}

async function binaryOf(fns: DeclarativeFunctions, response: N8nFullResponse): Promise<BinaryData> {
  const data = Buffer.isBuffer(response.body) ? response.body : Buffer.from(typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''));
  const mimeType = String(response.headers['content-type'] ?? 'application/octet-stream').split(';')[0];
  if (fns.helpers.prepareBinaryData) return fns.helpers.prepareBinaryData(data, undefined, mimeType);
  return { data: data.toString('base64'), mimeType, fileSize: String(data.length) };
}

// n8n sorts by the key's text, case-insensitively (so 10 comes before 9).
const sortText = (v: unknown): string => (v === undefined || v === null ? '' : String(v).toLowerCase());
function compare(a: unknown, b: unknown): number {
  const x = sortText(a);
  const y = sortText(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export async function runPostReceiveAction(
  fns: DeclarativeFunctions,
  action: PostReceiveAction,
  items: Item[],
  response: N8nFullResponse,
  parameterValue: unknown,
  resolve: Resolve,
): Promise<Item[]> {
  if (typeof action === 'function') return action.call(fns, items, response);
  const props = action.properties ?? {};
  const keys = { $response: response, $value: parameterValue };
  switch (action.type) {
    case 'rootProperty':
      return items.flatMap((item) => {
        const inner = getPath(item.json, String(props.property));
        return (Array.isArray(inner) ? inner : [inner]).map((entry) => ({ json: asJson(entry) }));
      });
    case 'set':
      return [{ json: asJson(resolve(props.value, keys)) }];
    case 'setKeyValue':
      return items.map((item) => {
        const json: JsonObject = {};
        for (const [key, raw] of Object.entries(props)) json[key] = resolve(raw, { ...keys, $responseItem: item.json });
        return { json };
      });
    case 'limit': {
      const max = parseInt(String(resolve(props.maxResults, keys)), 10);
      return Number.isNaN(max) ? items : items.slice(0, max);
    }
    case 'filter':
      return items.filter((item) => Boolean(resolve(props.pass, { ...keys, $responseItem: item.json })));
    case 'sort': {
      const key = String(props.key);
      return [...items].sort((a, b) => compare(a.json[key], b.json[key]));
    }
    case 'binaryData': {
      const destination = String(resolve(props.destinationProperty ?? 'data', keys));
      const binary = await binaryOf(fns, response);
      return items.map((item) => ({ json: Buffer.isBuffer(response.body) ? {} : item.json, binary: { ...item.binary, [destination]: binary } }));
    }
    default:
      // n8n answers an unknown action with no items rather than an error.
      return [];
  }
}

/**
 * A response as items: with postReceive steps, they start from the whole body as one item and run
 * in order; without any, the body is split as is (n8n's order of things).
 */
export async function responseToItems(fns: DeclarativeFunctions, data: RequestData, response: N8nFullResponse, resolve: Resolve): Promise<Item[]> {
  if (data.postReceive.length === 0) return Buffer.isBuffer(response.body) ? [{ json: {} }] : bodyToItems(response.body);
  let items: Item[] = [{ json: Buffer.isBuffer(response.body) ? {} : (response.body as JsonObject) }];
  for (const step of data.postReceive) {
    for (const action of step.actions) items = await runPostReceiveAction(fns, action, items, response, step.parameterValue, resolve);
  }
  return items;
}
