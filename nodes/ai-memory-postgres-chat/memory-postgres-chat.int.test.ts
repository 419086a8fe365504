// Postgres Chat Memory against the real PostgreSQL on 127.0.0.1:5432: the table is created in
// n8n's layout, rows hold LangChain's stored-message shape, and a later run reads them back.
import type { BaseMessage } from '@langchain/core/messages';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExecuteContext } from '../../engine/index.ts';
import { createRootRunner, rootWorkflow } from '../ai-shared/tool-test-harness.ts';

const postgres = { host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres', password: '', ssl: 'disable' };
const table = `weft_chat_${Math.random().toString(36).slice(2, 8)}`;
const admin = new pg.Client({ ...postgres, ssl: false });
const runner = createRootRunner();
afterAll(async () => {
  await admin.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
  await admin.end().catch(() => {});
  runner.engine.dispose();
});

type Memory = { loadMemoryVariables(v: object): Promise<{ chat_history: BaseMessage[] }>; saveContext(i: object, o: object): Promise<void> };
const chatTurn = async (ctx: ExecuteContext, item: { json: Record<string, unknown> }, i: number) => {
  const memory = (await ctx.getInputConnectionData('ai_memory', i)) as Memory;
  const { chat_history } = await memory.loadMemoryVariables({});
  await memory.saveContext({ input: item.json.chatInput }, { output: `re: ${String(item.json.chatInput)}` });
  return { seen: chat_history.map((m) => `${m.type}:${String(m.content)}`) };
};

const def = (parameters: Record<string, unknown>, typeVersion = 1.3) => rootWorkflow([{
  name: 'PG Memory', type: '@n8n/n8n-nodes-langchain.memoryPostgresChat', typeVersion, parameters, credentials: { postgres: { id: 'c1', name: 'pg' } }, connection: 'ai_memory',
}]);

describe('Postgres Chat Memory (memoryPostgresChat)', () => {
  it("creates the table in n8n's layout, stores each turn and reads it back in a later run", async () => {
    await admin.connect();
    const first = await runner.run(def({ tableName: table }), chatTurn, { items: [{ json: { sessionId: 'pg-1', chatInput: 'hi' } }], credentials: { postgres } });
    expect(first.result.data.resultData.error).toBeUndefined();
    expect(first.out).toEqual([{ seen: [] }]);

    const columns = await admin.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table]);
    expect(columns.rows).toEqual([{ column_name: 'id', data_type: 'integer' }, { column_name: 'session_id', data_type: 'character varying' }, { column_name: 'message', data_type: 'jsonb' }]);
    const rows = await admin.query(`SELECT session_id, message FROM ${table} ORDER BY id`);
    expect(rows.rows).toMatchObject([
      { session_id: 'pg-1', message: { type: 'human', content: 'hi' } },
      { session_id: 'pg-1', message: { type: 'ai', content: 're: hi' } },
    ]);

    // A row written by n8n (same shape) is read like ours; other sessions stay apart.
    await admin.query(`INSERT INTO ${table} (session_id, message) VALUES ('pg-1', $1), ('pg-2', $2)`, [
      { type: 'human', content: 'from n8n', additional_kwargs: {}, response_metadata: {} },
      { type: 'human', content: 'elsewhere', additional_kwargs: {}, response_metadata: {} },
    ]);
    const second = await runner.run(def({ tableName: table, contextWindowLength: 5 }), chatTurn, { items: [{ json: { sessionId: 'pg-1', chatInput: 'more' } }], credentials: { postgres } });
    expect(second.out).toEqual([{ seen: ['human:hi', 'ai:re: hi', 'human:from n8n'] }]);
    expect(second.uses('PG Memory').map((u) => (u.input as { action: string }).action)).toEqual(['loadMemoryVariables', 'saveContext']);
    expect((second.uses('PG Memory')[1].output as { chatHistory: unknown[] }).chatHistory).toHaveLength(5);

    // v1 has no window: everything; v1.3 with a window of 1: the last two messages.
    const all = await runner.run(def({ tableName: table }, 1), chatTurn, { items: [{ json: { sessionId: 'pg-1', chatInput: 'x' } }], credentials: { postgres } });
    expect(all.out[0].seen).toHaveLength(5);
    const windowed = await runner.run(def({ tableName: table, contextWindowLength: 1 }), chatTurn, { items: [{ json: { sessionId: 'pg-1', chatInput: 'y' } }], credentials: { postgres } });
    expect(windowed.out[0].seen).toEqual(['human:x', 'ai:re: x']);
  });

  it('fails the root with the server error for a wrong database', async () => {
    const run = await runner.run(def({ tableName: table }), chatTurn, { items: [{ json: { sessionId: 'pg-1', chatInput: 'hi' } }], credentials: { postgres: { ...postgres, database: 'no_such_db_weft' } } });
    expect(run.result.data.resultData.error?.message).toMatch(/no_such_db_weft/);
    expect(run.uses('PG Memory')[0]).toMatchObject({ error: expect.stringMatching(/no_such_db_weft/) });
  });
});
