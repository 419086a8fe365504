// The Redis node against the real Redis on 127.0.0.1:6379: every operation with its stored effect,
// per-item continue-on-fail, and clear errors for a wrong password and a closed port.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

const credentials = { redis: { host: '127.0.0.1', port: 6379, database: 0 } };
const prefix = `weft-test-${randomUUID().slice(0, 8)}`;
const direct = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });

afterAll(async () => {
  const keys = await direct.keys(`${prefix}*`);
  if (keys.length) await direct.del(...keys);
  direct.disconnect();
});

async function redis(parameters: Record<string, unknown>, items = [{ json: {} }], creds: Record<string, Record<string, unknown>> = credentials, continueOnFail = false) {
  const result = await runChain([{ name: 'Redis', type: 'n8n-nodes-base.redis', parameters, continueOnFail }], { items, credentials: creds });
  return { result, out: outputOf(result, 'Redis').map((i) => ({ json: i.json, pairedItem: i.pairedItem })) };
}

describe('Redis node', () => {
  it('sets, gets, increments, lists keys, deletes, pushes, pops and publishes', async () => {
    const key = `${prefix}:a`;
    await redis({ operation: 'set', key, value: 'hello', expire: true, ttl: 100 });
    expect(await direct.get(key)).toBe('hello');
    expect(await direct.ttl(key)).toBeGreaterThan(90);
    await redis({ operation: 'set', key: `${prefix}:h`, value: '{"a":1,"b":"x"}', keyType: 'hash' });
    expect(await direct.hgetall(`${prefix}:h`)).toEqual({ a: '1', b: 'x' });

    expect((await redis({ operation: 'get', key, propertyName: 'data.value' })).out).toEqual([{ json: { data: { value: 'hello' } }, pairedItem: { item: 0 } }]);
    expect((await redis({ operation: 'get', key: `${prefix}:h`, propertyName: 'h' })).out[0].json).toEqual({ h: { a: '1', b: 'x' } });
    expect((await redis({ operation: 'incr', key: `${prefix}:n` }, [{ json: {} }, { json: {} }])).out.map((o) => o.json)).toEqual([{ [`${prefix}:n`]: 1 }, { [`${prefix}:n`]: 2 }]);
    const keys = (await redis({ operation: 'keys', keyPattern: `${prefix}:*`, getValues: false })).out[0].json.keys as string[];
    expect(keys.sort()).toEqual([`${prefix}:a`, `${prefix}:h`, `${prefix}:n`]);
    expect((await redis({ operation: 'keys', keyPattern: `${prefix}:a` })).out[0].json).toEqual({ [`${prefix}:a`]: 'hello' });

    await redis({ operation: 'push', list: `${prefix}:l`, messageData: '{"n":1}', tail: true });
    await redis({ operation: 'push', list: `${prefix}:l`, messageData: 'two', tail: true });
    expect(await direct.lrange(`${prefix}:l`, 0, -1)).toEqual(['{"n":1}', 'two']);
    expect((await redis({ operation: 'pop', list: `${prefix}:l`, propertyName: 'got' })).out[0].json).toEqual({ got: { n: 1 } });
    expect((await redis({ operation: 'pop', list: `${prefix}:l`, propertyName: 'got', tail: true })).out[0].json).toEqual({ got: 'two' });

    await redis({ operation: 'delete', key });
    expect(await direct.exists(key)).toBe(0);

    const sub = new Redis({ host: '127.0.0.1', port: 6379 });
    const got = new Promise<string>((resolve) => sub.on('message', (_c, m) => resolve(m)));
    await sub.subscribe(`${prefix}:ch`);
    await redis({ operation: 'publish', channel: `${prefix}:ch`, messageData: 'ping' });
    expect(await got).toBe('ping');
    sub.disconnect();

    const info = (await redis({ operation: 'info' })).out[0].json;
    expect(info.redis_version).toEqual(expect.anything());
  });

  it('fails one item on a wrong type and goes on with continue on fail', async () => {
    await direct.rpush(`${prefix}:list`, 'x');
    const { out } = await redis({ operation: 'incr', key: '={{ $json.k }}' }, [{ json: { k: `${prefix}:list` } }, { json: { k: `${prefix}:ok` } }], credentials, true);
    expect(out[0]).toEqual({ json: { error: expect.stringContaining('WRONGTYPE') }, pairedItem: { item: 0 } });
    expect(out[1]).toEqual({ json: { [`${prefix}:ok`]: 1 }, pairedItem: { item: 1 } });
  });

  it('names the server error for a wrong password and a closed port', async () => {
    const bad = await redis({ operation: 'info' }, undefined, { redis: { host: '127.0.0.1', port: 6379, database: 0, user: 'nobody', password: 'wrong' } });
    expect(bad.result.status).toBe('error');
    expect(bad.result.data.resultData.error?.message).toMatch(/WRONGPASS/);
    const closed = await redis({ operation: 'info' }, undefined, { redis: { host: '127.0.0.1', port: 1, database: 0 } });
    expect(closed.result.data.resultData.error?.message).toMatch(/ECONNREFUSED/);
  });
});
