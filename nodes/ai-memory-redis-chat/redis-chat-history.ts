// A chat history in a Redis list laid out as LangChain's RedisChatMessageHistory (and so n8n's)
// keeps it: the key is the session id itself, newest message first (LPUSH of the stored message
// as JSON), and the session TTL renewed on each write.
import { BaseListChatMessageHistory } from '@langchain/core/chat_history';
import { mapChatMessagesToStoredMessages, mapStoredMessagesToChatMessages, type BaseMessage, type StoredMessage } from '@langchain/core/messages';
import type { Redis } from 'ioredis';

export class RedisChatHistory extends BaseListChatMessageHistory {
  lc_namespace = ['weft', 'stores', 'message', 'redis'];

  constructor(private readonly client: Redis, private readonly sessionId: string, private readonly sessionTTL = 0) {
    super();
  }

  async getMessages(): Promise<BaseMessage[]> {
    const raw = await this.client.lrange(this.sessionId, 0, -1);
    return mapStoredMessagesToChatMessages(raw.reverse().map((text) => JSON.parse(text) as StoredMessage));
  }

  async addMessage(message: BaseMessage): Promise<void> {
    const [stored] = mapChatMessagesToStoredMessages([message]);
    await this.client.lpush(this.sessionId, JSON.stringify(stored));
    if (this.sessionTTL > 0) await this.client.expire(this.sessionId, this.sessionTTL);
  }

  override async clear(): Promise<void> {
    await this.client.del(this.sessionId);
  }
}
