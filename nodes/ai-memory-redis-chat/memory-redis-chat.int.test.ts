// Redis Chat Memory against the real Redis on 127.0.0.1:6379: the history is a list under the
// session id (newest first, LangChain's stored messages as JSON), with the session TTL applied.
import type { BaseMessage } from '@langchain/core/messages';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExecuteContext } from '../../engine/index.ts';
import { createRootRunner, rootWorkflow } from '../ai-shared/tool-test-harness.ts';

const redis = { host: '127.0.0.1', port: 6379, database: 0 };
const session = `weft-mem-${Math.random().toString(36).slice(2, 8)}`;
const direct = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });
const runner = createRootRunner();
afterAll(async () => {
  await direct.del(session, `${session}-v1`).catch(() => 0);
  direct.disconnect();
  runner.engine.dispose();
});

type Memory = { loadMemoryVariables(v: object): Promise<{ chat_history: BaseMessage[] }>; saveContext(i: object, o: object): Promise<void> };
const chatTurn = async (ctx: ExecuteContext, item: { json: Record<string, unknown> }, i: number) => {
  const memory = (await ctx.getInputConnectionData('ai_memory', i)) as Memory;
  const { chat_history } = await memory.loadMemoryVariables({});
  await memory.saveContext({ input: item.json.chatInput }, { output: `re: ${String(item.json.chatInput)}` });
  return { seen: chat_history.map((m) => `${m.type}:${String(m.content)}`) };
};
const def = (parameters: Record<string, unknown>, typeVersion = 1.5) => rootWorkflow([{
  name: 'Redis Memory', type: '@n8n/n8n-nodes-langchain.memoryRedisChat', typeVersion, parameters, credentials: { redis: { id: 'c1', name: 'r' } }, connection: 'ai_memory',
}]);

describe('Redis Chat Memory (memoryRedisChat)', () => {
  it('stores each turn under the session id with the TTL, and reads it back windowed in a later run', async () => {
    const first = await runner.run(def({ sessionTTL: 300 }), chatTurn, { items: [{ json: { sessionId: session, chatInput: 'hi' } }], credentials: { redis } });
    expect(first.result.data.resultData.error).toBeUndefined();
    const raw = (await direct.lrange(session, 0, -1)).map((s) => JSON.parse(s) as unknown);
    expect(raw).toMatchObject([{ type: 'ai', data: { content: 're: hi' } }, { type: 'human', data: { content: 'hi' } }]);
    expect(await direct.ttl(session)).toBeGreaterThan(290);

    await runner.run(def({}), chatTurn, { items: [{ json: { sessionId: session, chatInput: 'two' } }], credentials: { redis } });
    const third = await runner.run(def({ contextWindowLength: 1 }), chatTurn, { items: [{ json: { sessionId: session, chatInput: 'three' } }], credentials: { redis } });
    expect(third.out).toEqual([{ seen: ['human:two', 'ai:re: two'] }]);
    expect(third.uses('Redis Memory')[0]).toMatchObject({ input: { action: 'loadMemoryVariables' }, output: { action: 'loadMemoryVariables', chatHistory: [{ kwargs: { content: 'two' } }, { kwargs: { content: 're: two' } }] } });
  });

  it('v1 keys by its sessionKey parameter and keeps the whole history', async () => {
    const v1 = def({ sessionKey: `${session}-v1` }, 1);
    await runner.run(v1, chatTurn, { items: [{ json: { chatInput: 'a' } }, { json: { chatInput: 'b' } }], credentials: { redis } });
    expect(await direct.llen(`${session}-v1`)).toBe(4);
    expect(await direct.ttl(`${session}-v1`)).toBe(-1);
  });

  it('fails the root with the connection error for a closed port', async () => {
    const run = await runner.run(def({}), chatTurn, { items: [{ json: { sessionId: session, chatInput: 'x' } }], credentials: { redis: { ...redis, port: 1 } } });
    expect(run.result.data.resultData.error?.message).toMatch(/ECONNREFUSED/);
  });
});
