// Who touched what since the last commit: each transaction's origin names a user, and the changed
// paths name the entity (node, connection, settings, name, another field), so every semantic
// event can carry exactly the users whose updates it records.
import type * as Y from 'yjs';
import { rootOf } from './workflow-doc.ts';

/** Anything used as a transaction origin that stands for a user. */
export interface AuthoredOrigin {
  userId: string;
}

export interface Attribution {
  /** Every user who changed something. */
  authors: string[];
  /** Entity (`node:<id>`, `connection:<id>`, `settings`, `name`, `field:<key>`) → users. */
  byEntity: Record<string, string[]>;
}

export interface AuthorTracker {
  /** What was collected since the last take, and starts afresh. */
  take(): Attribution;
  /** Credits a user with changes made outside the document (a REST write on a live room). */
  credit(userId: string): void;
  dispose(): void;
}

function entityOf(path: (string | number)[], key?: string): string | undefined {
  const [head, id] = path;
  if (head === 'nodes' || head === 'connections') {
    const entity = id ?? key;
    return entity === undefined ? undefined : `${head === 'nodes' ? 'node' : 'connection'}:${String(entity)}`;
  }
  if (head === 'settings') return 'settings';
  if (head === undefined && key !== undefined) return key === 'name' ? 'name' : key === 'settings' ? 'settings' : `field:${key}`;
  return undefined;
}

export function trackAuthors(doc: Y.Doc): AuthorTracker {
  let authors = new Set<string>();
  let byEntity = new Map<string, Set<string>>();
  const root = rootOf(doc);
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const origin = transaction.origin as Partial<AuthoredOrigin> | null;
    const userId = typeof origin?.userId === 'string' ? origin.userId : undefined;
    if (!userId) return;
    authors.add(userId);
    for (const event of events) {
      const keys = event.path.length <= 1 && 'keysChanged' in event ? [...(event as Y.YMapEvent<unknown>).keysChanged] : [undefined];
      for (const key of keys) {
        const entity = entityOf(event.path, key);
        if (!entity) continue;
        const set = byEntity.get(entity) ?? new Set<string>();
        set.add(userId);
        byEntity.set(entity, set);
      }
    }
  };
  root.observeDeep(observer);
  return {
    take() {
      const result = { authors: [...authors], byEntity: Object.fromEntries([...byEntity].map(([k, v]) => [k, [...v]])) };
      authors = new Set();
      byEntity = new Map();
      return result;
    },
    credit(userId) {
      authors.add(userId);
    },
    dispose() {
      root.unobserveDeep(observer);
    },
  };
}
