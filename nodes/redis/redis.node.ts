// Redis (n8n-nodes-base.redis v1): get, set, delete, incr, keys, info, publish, push and pop on
// the credential's shared client. Keys and values are sent as command arguments, never as text
// to parse, and each item fails on its own with continue-on-fail.
import type { Redis } from 'ioredis';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeOutput, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { setPath } from '../shared/paths.ts';
import { withRedis } from './redis-client.ts';
import { redisProperties } from './redis.description.ts';
import { getValue, infoToObject, setValue } from './redis-values.ts';

function put(ctx: ExecuteContext, i: number, json: JsonObject, name: string, value: unknown): void {
  if (collection(ctx, 'options', i).dotNotation === false) json[name] = value;
  else setPath(json, name, value);
}

function popped(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** One item's operation: the item it outputs. */
async function runItem(ctx: ExecuteContext, client: Redis, operation: string, i: number, item: Item): Promise<Item> {
  const pairedItem = { item: i };
  const json: JsonObject = {};
  const key = () => String(param(ctx, 'key', i, ''));
  switch (operation) {
    case 'delete':
      await client.del(key());
      return { ...item, pairedItem };
    case 'get': {
      const value = await getValue(client, key(), param(ctx, 'keyType', i, 'automatic'));
      put(ctx, i, json, param(ctx, 'propertyName', i, 'propertyName'), value ?? null);
      return { json, pairedItem };
    }
    case 'keys': {
      const keys = await client.keys(String(param(ctx, 'keyPattern', i, '')));
      if (!param(ctx, 'getValues', i, true)) return { json: { keys }, pairedItem };
      for (const name of keys) json[name] = await getValue(client, name);
      return { json, pairedItem };
    }
    case 'set': {
      const name = key();
      await setValue(client, name, param<unknown>(ctx, 'value', i, ''), param(ctx, 'keyType', i, 'automatic'), param(ctx, 'valueIsJSON', i, true));
      if (param(ctx, 'expire', i, false)) await client.expire(name, Number(param(ctx, 'ttl', i, 60)));
      return { ...item, pairedItem };
    }
    case 'incr': {
      const name = key();
      const value = await client.incr(name);
      const ttl = Number(param(ctx, 'ttl', i, 60));
      if (param(ctx, 'expire', i, false) && ttl > 0) await client.expire(name, ttl);
      return { json: { [name]: value }, pairedItem };
    }
    case 'publish':
      await client.publish(String(param(ctx, 'channel', i, '')), String(param(ctx, 'messageData', i, '')));
      return { ...item, pairedItem };
    case 'push': {
      const list = String(param(ctx, 'list', i, ''));
      const data = String(param(ctx, 'messageData', i, ''));
      await (param(ctx, 'tail', i, false) ? client.rpush(list, data) : client.lpush(list, data));
      return { ...item, pairedItem };
    }
    case 'pop': {
      const list = String(param(ctx, 'list', i, ''));
      const value = await (param(ctx, 'tail', i, false) ? client.rpop(list) : client.lpop(list));
      put(ctx, i, json, param(ctx, 'propertyName', i, 'propertyName'), popped(value));
      return { json, pairedItem };
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not known`, { itemIndex: i });
  }
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const operation = param(ctx, 'operation', 0, 'info');
  const items = ctx.getInputData();
  const credential = await ctx.credentials.get('redis');
  const fail = (error: unknown, itemIndex: number) =>
    error instanceof NodeOperationError ? error : new NodeOperationError(ctx.node.name, `Redis: ${errorMessage(error)}`, { itemIndex });
  if (operation === 'info') {
    try {
      return [[{ json: infoToObject(await withRedis(credential, (client) => client.info())), pairedItem: { item: 0 } }]];
    } catch (error) {
      if (ctx.continueOnFail()) return [[{ json: { error: errorMessage(error) }, pairedItem: { item: 0 } }]];
      throw fail(error, 0);
    }
  }
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      out.push(await withRedis(credential, (client) => runItem(ctx, client, operation, i, items[i])));
    } catch (error) {
      if (!ctx.continueOnFail()) throw fail(error, i);
      out.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
    }
  }
  return [out];
}

export const redisNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.redis',
    displayName: 'Redis',
    group: ['input'],
    version: [1],
    description: 'Get, send and update data in Redis',
    defaults: { name: 'Redis' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'redis', required: true }],
    properties: redisProperties,
  },
  execute,
};
