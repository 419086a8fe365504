// Simple Memory through the real engine: a root reads the memory, loads and saves; the history
// survives across runs of the same workflow and session, is windowed, and each use is recorded.
import type { BaseMessage } from '@langchain/core/messages';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExecuteContext } from '../../engine/index.ts';
import { createRootRunner, rootWorkflow } from '../ai-shared/tool-test-harness.ts';

interface Memory {
  loadMemoryVariables(values: object): Promise<{ chat_history: BaseMessage[] }>;
  saveContext(input: object, output: object): Promise<void>;
  memoryKey: string;
}

const runner = createRootRunner();
afterAll(() => runner.engine.dispose());

// The root reads the history, then saves this turn: what a conversational agent does.
const chatTurn = async (ctx: ExecuteContext, item: { json: Record<string, unknown> }, i: number) => {
  const memory = (await ctx.getInputConnectionData('ai_memory', i)) as Memory;
  const { chat_history } = await memory.loadMemoryVariables({});
  await memory.saveContext({ input: item.json.chatInput }, { output: `re: ${String(item.json.chatInput)}` });
  return { seen: chat_history.map((m) => `${m.type}:${String(m.content)}`), key: memory.memoryKey };
};

const memoryNode = (parameters: Record<string, unknown>, typeVersion = 1.3) => ({ name: 'Memory', type: '@n8n/n8n-nodes-langchain.memoryBufferWindow', typeVersion, parameters, connection: 'ai_memory' as const });

describe('Simple Memory (memoryBufferWindow)', () => {
  it('keeps a session across runs, keyed by workflow and session, and records each load and save', async () => {
    const session = `s-${Math.random()}`;
    const def = rootWorkflow([memoryNode({})], 'wf-buffer');
    const first = await runner.run(def, chatTurn, { items: [{ json: { sessionId: session, chatInput: 'hello' } }] });
    expect(first.result.data.resultData.error).toBeUndefined();
    expect(first.out).toEqual([{ seen: [], key: 'chat_history' }]);

    const second = await runner.run(def, chatTurn, { items: [{ json: { sessionId: session, chatInput: 'again' } }] });
    expect(second.out).toEqual([{ seen: ['human:hello', 'ai:re: hello'], key: 'chat_history' }]);
    const uses = second.uses('Memory');
    expect(uses.map((u) => u.input)).toEqual([{ action: 'loadMemoryVariables', values: {} }, { action: 'saveContext', input: { input: 'again' }, output: { output: 're: again' } }]);
    expect(uses[0].output).toMatchObject({ action: 'loadMemoryVariables', chatHistory: [{ kwargs: { content: 'hello' } }, { kwargs: { content: 're: hello' } }] });
    expect((uses[1].output as { chatHistory: unknown[] }).chatHistory).toHaveLength(4);

    // Another session starts empty (workflow keying: memory-buffer-store.test.ts).
    const other = await runner.run(def, chatTurn, { items: [{ json: { sessionId: `${session}-b`, chatInput: 'x' } }] });
    expect(other.out[0].seen).toEqual([]);
  });

  it('hands the model only the last contextWindowLength interactions', async () => {
    const def = rootWorkflow([memoryNode({ sessionIdType: 'customKey', sessionKey: '={{ "win-" + $json.n }}', contextWindowLength: 1 })], 'wf-buffer-window');
    const items = [{ json: { n: 7, chatInput: 'one' } }, { json: { n: 7, chatInput: 'two' } }, { json: { n: 7, chatInput: 'three' } }];
    const run = await runner.run(def, chatTurn, { items });
    expect(run.out.map((o) => o.seen)).toEqual([[], ['human:one', 'ai:re: one'], ['human:two', 'ai:re: two']]);
  });

  it("fails with n8n's message when the session id is missing", async () => {
    const noId = await runner.run(rootWorkflow([memoryNode({})]), chatTurn, { items: [{ json: { chatInput: 'hi' } }] });
    expect(noId.result.data.resultData.error?.message).toBe('No session ID found');
    const noKey = await runner.run(rootWorkflow([memoryNode({ sessionIdType: 'customKey', sessionKey: '' })]), chatTurn);
    expect(noKey.result.data.resultData.error?.message).toBe('Key parameter is empty');
  });

  it('v1 stores under its sessionKey parameter (default chat_history)', async () => {
    const def = rootWorkflow([memoryNode({}, 1)], `wf-buffer-v1-${Math.random()}`);
    await runner.run(def, chatTurn, { items: [{ json: { chatInput: 'first' } }] });
    const again = await runner.run(def, chatTurn, { items: [{ json: { chatInput: 'second' } }] });
    expect(again.out[0].seen).toEqual(['human:first', 'ai:re: first']);
  });
});
