// Finds which workflow and node answer a call: production webhooks from the registry read model
// (static paths by key, `:param` paths by webhookId and shape), test webhooks from listeners.
import { normalizeWebhookPath, type WebhookEntry, type WorkflowDefinition } from '../../domain/index.ts';
import type { RequestContext } from '../commands.ts';
import { webhookKey, WEBHOOKS, type ProjectionRunner, type WebhookDoc } from '../../projections/index.ts';

export const WEBHOOK_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

export interface Match {
  workflowId: string;
  node: string;
  params: Record<string, string>;
}

/** Matches a registered path against a called one; `:name` segments capture. */
export function matchPath(registered: string, called: string): Record<string, string> | undefined {
  const a = registered.split('/');
  const b = called.split('/');
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) params[a[i].slice(1)] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return undefined;
  }
  return params;
}

export function createProductionRegistry(runner: ProjectionRunner) {
  const hooks = () => runner.collection<WebhookDoc>(WEBHOOKS);
  return {
    async find(method: string, rawPath: string): Promise<Match | undefined> {
      const path = normalizeWebhookPath(rawPath);
      const exact = await hooks().get(webhookKey(method, path));
      if (exact) return { workflowId: exact.workflowId, node: exact.node, params: {} };
      const [first] = path.split('/');
      const candidates = await hooks().find({ filter: { webhookId: first, method: method.toUpperCase(), dynamic: true }, limit: 100 });
      for (const doc of candidates.items) {
        const params = matchPath(doc.path, path);
        if (params) return { workflowId: doc.workflowId, node: doc.node, params };
      }
      return undefined;
    },
    /** Who holds a method + path now, for activation checks. */
    holder: (entry: Pick<WebhookEntry, 'method' | 'path'>) => hooks().get(webhookKey(entry.method, entry.path)),
  };
}

export type ProductionRegistry = ReturnType<typeof createProductionRegistry>;

export interface TestListener {
  workflowId: string;
  workspaceId: string;
  entries: WebhookEntry[];
  expiresAt: number;
  /** The definition under test (a test may run an unsaved version). */
  definition: WorkflowDefinition;
  /** Who started listening: the run is theirs. */
  actorCtx: RequestContext;
}

/** Test webhooks: one-shot listeners that exist while someone tests a workflow. */
export interface TestRegistry {
  listen(listener: TestListener): Promise<void>;
  stop(workflowId: string): Promise<void>;
  /** Any live listener other than `except` waiting on one of these method + paths. */
  conflicting(entries: WebhookEntry[], except: string): Promise<TestListener | undefined>;
  find(method: string, rawPath: string): Promise<{ listener: TestListener; match: Match } | undefined>;
  /** Takes a listener for its one call; undefined when it is gone (another server took it first). */
  claim(workflowId: string): Promise<TestListener | undefined>;
}

function matchListener(listeners: Iterable<TestListener>, method: string, rawPath: string): { listener: TestListener; match: Match } | undefined {
  const path = normalizeWebhookPath(rawPath);
  for (const l of listeners) {
    for (const e of l.entries) {
      if (e.method !== method.toUpperCase()) continue;
      const params = e.dynamic ? matchPath(e.path, path) : e.path === path ? {} : undefined;
      if (params) return { listener: l, match: { workflowId: l.workflowId, node: e.node, params } };
    }
  }
  return undefined;
}

function clashing(listeners: Iterable<TestListener>, entries: WebhookEntry[], except: string): TestListener | undefined {
  for (const l of listeners) {
    if (l.workflowId === except) continue;
    if (l.entries.some((e) => entries.some((n) => n.method === e.method && n.path === e.path))) return l;
  }
  return undefined;
}

/** Listeners in this process: enough for one server. */
export function createTestRegistry(): TestRegistry {
  const listeners = new Map<string, TestListener>();
  const live = () => {
    const now = Date.now();
    for (const [id, l] of listeners) if (l.expiresAt < now) listeners.delete(id);
    return listeners.values();
  };
  return {
    async listen(listener) {
      live();
      listeners.set(listener.workflowId, listener);
    },
    async stop(workflowId) {
      listeners.delete(workflowId);
    },
    async conflicting(entries, except) {
      return clashing(live(), entries, except);
    },
    async find(method, rawPath) {
      return matchListener(live(), method, rawPath);
    },
    async claim(workflowId) {
      live();
      const l = listeners.get(workflowId);
      listeners.delete(workflowId);
      return l;
    },
  };
}

/** The Redis commands the shared registry uses (an ioredis client). */
export interface RedisLike {
  set(key: string, value: string, px: 'PX', ms: number): Promise<unknown>;
  get(key: string): Promise<string | null>;
  del(...keys: string[]): Promise<number>;
  sadd(key: string, ...members: string[]): Promise<number>;
  srem(key: string, ...members: string[]): Promise<number>;
  smembers(key: string): Promise<string[]>;
  mget(...keys: string[]): Promise<(string | null)[]>;
}

/**
 * Listeners in Redis, so a test call reaches whichever server it lands on, and the first server
 * to delete the listener's key runs it: one call per listening session across all servers.
 */
export function createRedisTestRegistry(redis: RedisLike, prefix: string): TestRegistry {
  const index = `${prefix}:test-webhooks`;
  const keyOf = (workflowId: string) => `${index}:${workflowId}`;
  async function all(): Promise<TestListener[]> {
    const ids = await redis.smembers(index);
    if (ids.length === 0) return [];
    const values = await redis.mget(...ids.map(keyOf));
    const out: TestListener[] = [];
    const gone: string[] = [];
    values.forEach((v, i) => {
      const l = v ? (JSON.parse(v) as TestListener) : undefined;
      if (l && l.expiresAt >= Date.now()) out.push(l);
      else gone.push(ids[i]);
    });
    if (gone.length) await redis.srem(index, ...gone);
    return out;
  }
  return {
    async listen(listener) {
      await redis.set(keyOf(listener.workflowId), JSON.stringify(listener), 'PX', Math.max(1, listener.expiresAt - Date.now()));
      await redis.sadd(index, listener.workflowId);
    },
    async stop(workflowId) {
      await redis.del(keyOf(workflowId));
      await redis.srem(index, workflowId);
    },
    async conflicting(entries, except) {
      return clashing(await all(), entries, except);
    },
    async find(method, rawPath) {
      return matchListener(await all(), method, rawPath);
    },
    async claim(workflowId) {
      const value = await redis.get(keyOf(workflowId));
      if (!value || (await redis.del(keyOf(workflowId))) !== 1) return undefined;
      await redis.srem(index, workflowId);
      return JSON.parse(value) as TestListener;
    },
  };
}
