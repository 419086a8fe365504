// Reading and writing a Redis key by type, and INFO as an object, as n8n's Redis node does.
import type { Redis } from 'ioredis';
import type { JsonObject } from '../../engine/index.ts';

/** A number when the text is only digits and dots (n8n's getParsedValue), else the text. */
function parsedValue(value: string): string | number {
  return /^[\d.]+$/.test(value) ? parseFloat(value) : value;
}

/** INFO's `key:value` lines (and `k=v,k=v` values) as an object; `#` section headers skipped. */
export function infoToObject(info: string): JsonObject {
  const out: JsonObject = {};
  for (const line of info.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [key, raw] = line.split(':');
    if (key === undefined || raw === undefined) continue;
    const value = raw.trim();
    if (value.includes('=')) {
      const nested: JsonObject = {};
      for (const pair of value.split(',')) {
        const [k, v] = pair.split('=');
        nested[k] = parsedValue(v ?? '');
      }
      out[key] = nested;
    } else out[key] = parsedValue(value);
  }
  return out;
}

/** The key's value by type; 'automatic' asks Redis for the type first. Missing keys give null. */
export async function getValue(client: Redis, key: string, keyType = 'automatic'): Promise<unknown> {
  let type = keyType;
  if (type === 'automatic') {
    const actual = await client.type(key);
    type = actual === 'set' ? 'sets' : actual;
  }
  switch (type) {
    case 'string': return client.get(key);
    case 'hash': return client.hgetall(key);
    case 'list': return client.lrange(key, 0, -1);
    case 'sets': return client.smembers(key);
    default: return null;
  }
}

function jsonOr(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Writes the value as the given type. The value is a parameter (text): a hash takes a JSON object
 * (or, with valueIsJSON off, "field value field value"); a list or set takes a JSON array or one
 * value, and a list is replaced as a whole. 'automatic' writes text as a string, as n8n does.
 */
export async function setValue(client: Redis, key: string, value: unknown, keyType: string, valueIsJSON: boolean): Promise<void> {
  const type = keyType === 'automatic' ? (Array.isArray(value) ? 'list' : typeof value === 'object' && value !== null ? 'hash' : 'string') : keyType;
  const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  if (type === 'string') {
    await client.set(key, asText(value));
  } else if (type === 'hash') {
    const parsed = typeof value === 'string' && valueIsJSON ? jsonOr(value) : value;
    if (typeof parsed === 'object' && parsed !== null) {
      const fields = Object.entries(parsed as JsonObject).flatMap(([k, v]) => [k, asText(v)]);
      if (fields.length) await client.hset(key, ...fields);
    } else {
      const words = String(parsed).split(' ');
      if (words.length % 2 !== 0) throw new Error(`The hash value needs field/value pairs; "${String(parsed)}" has an odd number of words`);
      await client.hset(key, ...words);
    }
  } else if (type === 'list' || type === 'sets') {
    const parsed = typeof value === 'string' ? jsonOr(value) : value;
    const members = (Array.isArray(parsed) ? parsed : [parsed]).map(asText);
    if (type === 'list') {
      const replies = (await client.multi().del(key).rpush(key, ...members).exec()) ?? [];
      const failed = replies.find(([error]) => error);
      if (failed) throw failed[0];
    }
    else await client.sadd(key, ...members);
  } else {
    throw new Error(`Unknown key type '${type}'`);
  }
}
