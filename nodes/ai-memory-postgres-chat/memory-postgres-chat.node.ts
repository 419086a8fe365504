// Postgres Chat Memory (@n8n/n8n-nodes-langchain.memoryPostgresChat v1–1.3): the chat history in
// a Postgres table (n8n_chat_histories by default, created if missing), windowed from v1.1 on.
import pg from 'pg';
import type { NodeType, SupplyDataContext } from '../../engine/index.ts';
import { sessionIdOf, TracedChatMemory } from '../ai-shared/memory-chat.ts';
import { contextWindowLengthProperty, expressionSessionKeyProperty, sessionIdTypeProperty, sessionKeyProperty } from '../ai-shared/memory-descriptions.ts';
import { pgConfig } from '../shared/pg-config.ts';
import { PostgresChatHistory } from './postgres-chat-history.ts';

export const memoryPostgresChatNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.memoryPostgresChat',
    displayName: 'Postgres Chat Memory',
    group: ['transform'],
    version: [1, 1.1, 1.2, 1.3],
    description: 'Stores the chat history in Postgres table.',
    icon: 'file:postgres.svg',
    defaults: { name: 'Postgres Chat Memory' },
    credentials: [{ name: 'postgres', required: true }],
    inputs: [],
    outputs: ['ai_memory'],
    outputNames: ['Memory'],
    properties: [
      sessionIdTypeProperty,
      expressionSessionKeyProperty(1.2),
      sessionKeyProperty,
      { displayName: 'Table Name', name: 'tableName', type: 'string', default: 'n8n_chat_histories', description: 'The table name to store the chat history in. If table does not exist, it will be created.' },
      { ...contextWindowLengthProperty, displayOptions: { hide: { '@version': [{ _cnd: { lt: 1.1 } }] } } },
    ],
  },
  async supplyData(ctx: SupplyDataContext, itemIndex: number) {
    const credentials = await ctx.credentials.get('postgres');
    const tableName = String(ctx.getNodeParameter('tableName', itemIndex, 'n8n_chat_histories'));
    const sessionId = sessionIdOf(ctx, itemIndex);
    const pool = new pg.Pool({ ...pgConfig(credentials), max: 2 });
    const windowLength = ctx.node.typeVersion < 1.1 ? undefined : Number(ctx.getNodeParameter('contextWindowLength', itemIndex, 5));
    return {
      response: new TracedChatMemory(new PostgresChatHistory(pool, sessionId, tableName), ctx, { windowLength }),
      closeFunction: () => pool.end(),
    };
  },
};
