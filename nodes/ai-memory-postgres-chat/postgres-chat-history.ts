// A chat history in a Postgres table laid out as LangChain's PostgresChatMessageHistory (and so
// n8n's) keeps it: id serial, session_id varchar, message jsonb holding `{ type, ...data }` of
// LangChain's stored message. The table is created when missing.
import { BaseListChatMessageHistory } from '@langchain/core/chat_history';
import { mapChatMessagesToStoredMessages, mapStoredMessagesToChatMessages, type BaseMessage, type StoredMessage } from '@langchain/core/messages';
import type pg from 'pg';

/** `schema.table` or `table`, each part quoted, so a table name is never read as SQL. */
export function quotedTable(name: string): string {
  return name.split('.').map((part) => `"${part.replace(/"/g, '""')}"`).join('.');
}

export class PostgresChatHistory extends BaseListChatMessageHistory {
  lc_namespace = ['weft', 'stores', 'message', 'postgres'];
  #ready: Promise<void> | undefined;
  readonly #table: string;

  constructor(private readonly pool: pg.Pool, private readonly sessionId: string, tableName: string) {
    super();
    this.#table = quotedTable(tableName);
  }

  #ensureTable(): Promise<void> {
    this.#ready ??= this.pool
      .query(`CREATE TABLE IF NOT EXISTS ${this.#table} (id SERIAL PRIMARY KEY, session_id VARCHAR(255) NOT NULL, message JSONB NOT NULL)`)
      .then(() => undefined);
    return this.#ready;
  }

  async getMessages(): Promise<BaseMessage[]> {
    await this.#ensureTable();
    const { rows } = await this.pool.query<{ message: Record<string, unknown> }>(`SELECT message FROM ${this.#table} WHERE session_id = $1 ORDER BY id`, [this.sessionId]);
    const stored = rows.map(({ message: { type, ...data } }) => ({ type, data }) as unknown as StoredMessage);
    return mapStoredMessagesToChatMessages(stored);
  }

  async addMessage(message: BaseMessage): Promise<void> {
    await this.#ensureTable();
    const [{ type, data }] = mapChatMessagesToStoredMessages([message]);
    await this.pool.query(`INSERT INTO ${this.#table} (session_id, message) VALUES ($1, $2)`, [this.sessionId, { ...data, type }]);
  }

  override async clear(): Promise<void> {
    await this.#ensureTable();
    await this.pool.query(`DELETE FROM ${this.#table} WHERE session_id = $1`, [this.sessionId]);
  }
}
