// Redis Chat Memory (@n8n/n8n-nodes-langchain.memoryRedisChat v1–1.6): the chat history in a Redis
// list under the session id, with an optional time to live, windowed from v1.3 on.
import type { NodeType, SupplyDataContext } from '../../engine/index.ts';
import { memorySessionId, TracedChatMemory } from '../ai-shared/memory-chat.ts';
import { contextWindowLengthProperty, expressionSessionKeyProperty, legacySessionKeyProperties, sessionKeyProperty } from '../ai-shared/memory-descriptions.ts';
import { connectRedis } from '../redis/redis-client.ts';
import { RedisChatHistory } from './redis-chat-history.ts';

export const memoryRedisChatNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.memoryRedisChat',
    displayName: 'Redis Chat Memory',
    group: ['transform'],
    version: [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6],
    description: 'Stores the chat history in Redis.',
    icon: 'file:redis.svg',
    defaults: { name: 'Redis Chat Memory' },
    credentials: [{ name: 'redis', required: true }],
    inputs: [],
    outputs: ['ai_memory'],
    outputNames: ['Memory'],
    properties: [
      ...legacySessionKeyProperties,
      expressionSessionKeyProperty(1.4),
      sessionKeyProperty,
      { displayName: 'Session Time To Live', name: 'sessionTTL', type: 'number', default: 0, description: 'For how long the session should be stored in seconds. If set to 0 it will not expire.' },
      { ...contextWindowLengthProperty, displayOptions: { hide: { '@version': [{ _cnd: { lt: 1.3 } }] } } },
    ],
  },
  async supplyData(ctx: SupplyDataContext, itemIndex: number) {
    const credentials = await ctx.credentials.get('redis');
    const version = ctx.node.typeVersion;
    const sessionTTL = Number(ctx.getNodeParameter('sessionTTL', itemIndex, 0));
    const sessionId = memorySessionId(ctx, itemIndex, 1.2);
    // n8n sends the credential's user only from v1.5 on.
    const client = await connectRedis(version >= 1.5 ? credentials : { ...credentials, user: undefined }, false, 'weft-memory');
    const windowLength = version < 1.3 ? undefined : Number(ctx.getNodeParameter('contextWindowLength', itemIndex, 5));
    return {
      response: new TracedChatMemory(new RedisChatHistory(client, sessionId, sessionTTL), ctx, { windowLength }),
      closeFunction: async () => void client.disconnect(),
    };
  },
};
