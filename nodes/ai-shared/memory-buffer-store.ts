// The process-wide store behind Simple Memory (n8n's MemoryChatBufferSingleton): one history per
// workflow and session, kept across runs, dropped after an hour without use.
import { InMemoryChatMessageHistory } from '@langchain/core/chat_history';

const STALE_AFTER_MS = 60 * 60 * 1000;

interface Entry {
  history: InMemoryChatMessageHistory;
  lastAccessed: number;
}

export interface BufferStore {
  history(workflowId: string, sessionId: string): InMemoryChatMessageHistory;
}

export function createBufferStore(now: () => number = Date.now): BufferStore {
  const entries = new Map<string, Entry>();
  return {
    history(workflowId, sessionId) {
      const time = now();
      for (const [key, entry] of entries) if (entry.lastAccessed < time - STALE_AFTER_MS) entries.delete(key);
      const key = `${workflowId}__${sessionId}`;
      let entry = entries.get(key);
      if (!entry) entries.set(key, (entry = { history: new InMemoryChatMessageHistory(), lastAccessed: time }));
      entry.lastAccessed = time;
      return entry.history;
    },
  };
}

/** The one store of this process, as n8n keeps one per instance. */
export const processBufferStore: BufferStore = createBufferStore();
