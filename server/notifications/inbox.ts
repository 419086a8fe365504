// In-app notifications: a workspace's inbox, read marks per user, and listeners (the bell's
// Socket.IO namespace) told of each new one.
import { randomUUID } from 'node:crypto';
import type { ReadModelStore } from '../../projections/index.ts';
import type { Message } from './message.ts';

export const NOTIFICATION_INBOX = 'notification_inbox';
export const NOTIFICATION_READS = 'notification_reads';

export interface InboxItem {
  [k: string]: unknown;
  id: string;
  workspaceId: string;
  ruleId: string | null;
  title: string;
  text: string;
  level: Message['level'];
  url?: string;
  at: string;
}

interface ReadMark { [k: string]: unknown; id: string; userId: string; workspaceId: string; itemId: string }

export type Inbox = Awaited<ReturnType<typeof createInbox>>;
type Listener = (item: InboxItem) => void;

export async function createInbox(vault: ReadModelStore) {
  await vault.ensureCollection({ name: NOTIFICATION_INBOX, indexes: [{ fields: ['workspaceId', 'at'] }] });
  await vault.ensureCollection({ name: NOTIFICATION_READS, indexes: [{ fields: ['userId', 'workspaceId'] }] });
  const items = vault.collection<InboxItem>(NOTIFICATION_INBOX);
  const reads = vault.collection<ReadMark>(NOTIFICATION_READS);
  const listeners = new Set<Listener>();
  const markId = (userId: string, itemId: string) => `${userId}:${itemId}`;

  async function unread(userId: string, workspaceId: string): Promise<number> {
    return Math.max(0, (await items.count({ workspaceId })) - (await reads.count({ userId, workspaceId })));
  }

  return {
    /** Tells `listener` of every new item; returns how to stop. */
    listen(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async add(workspaceId: string, ruleId: string | null, m: Message): Promise<InboxItem> {
      const item: InboxItem = { id: randomUUID(), workspaceId, ruleId, title: m.title, text: m.text, level: m.level, ...(m.url ? { url: m.url } : {}), at: new Date().toISOString() };
      await items.upsert(item);
      for (const listener of listeners) listener(item);
      return item;
    },
    unread,
    async list(userId: string, workspaceId: string, limit: number) {
      const page = await items.find({ filter: { workspaceId }, sort: [{ field: 'at', direction: 'desc' }], limit });
      const data = [];
      for (const item of page.items) data.push({ ...item, read: !!(await reads.get(markId(userId, item.id))) });
      return { data, unread: await unread(userId, workspaceId) };
    },
    /** Marks the given items (or all of the workspace's) read for the user; answers the unread count after. */
    async markRead(userId: string, workspaceId: string, ids: string[] | 'all'): Promise<number> {
      const targets = ids === 'all' ? (await items.find({ filter: { workspaceId }, limit: 10_000 })).items : (await Promise.all(ids.map((id) => items.get(id)))).filter((i): i is InboxItem => !!i && i.workspaceId === workspaceId);
      for (const item of targets) await reads.upsert({ id: markId(userId, item.id), userId, workspaceId, itemId: item.id });
      return unread(userId, workspaceId);
    },
  };
}
