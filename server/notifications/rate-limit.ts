// At most one message per rule and workflow in a rule's window: the first notice goes out and opens
// the window; later ones are held; when the window ends the held ones go out as one digest (which
// opens the next window). Kept in the vault, so a restart neither floods nor loses a digest.
import type { ReadModelStore } from '../../projections/index.ts';
import type { Notice } from './message.ts';

export const NOTIFICATION_WINDOWS = 'notification_windows';
/** Notices kept per digest; beyond that only counted. */
const MAX_HELD = 50;

export interface WindowDoc {
  [k: string]: unknown;
  id: string;
  ruleId: string;
  workflowId: string;
  until: string;
  held: Notice[];
  heldCount: number;
}

export type RateLimit = Awaited<ReturnType<typeof createRateLimit>>;

export async function createRateLimit(vault: ReadModelStore) {
  await vault.ensureCollection({ name: NOTIFICATION_WINDOWS, indexes: [{ fields: ['until'] }] });
  const store = vault.collection<WindowDoc>(NOTIFICATION_WINDOWS);
  const open = (ruleId: string, workflowId: string, windowSeconds: number, now: number): WindowDoc => ({
    id: `${ruleId}:${workflowId}`, ruleId, workflowId, until: new Date(now + windowSeconds * 1000).toISOString(), held: [], heldCount: 0,
  });

  return {
    /** 'send' when the notice may go out now, 'held' when it waits for the digest. */
    async admit(rule: { id: string; windowSeconds: number }, notice: Notice, now = Date.now()): Promise<'send' | 'held'> {
      if (rule.windowSeconds <= 0) return 'send';
      const window = await store.get(`${rule.id}:${notice.workflowId}`);
      // While the window lasts, and after it until the digest tick takes what it held.
      if (window && (Date.parse(window.until) > now || window.heldCount > 0)) {
        await store.upsert({ ...window, held: window.held.length < MAX_HELD ? [...window.held, notice] : window.held, heldCount: window.heldCount + 1 });
        return 'held';
      }
      await store.upsert(open(rule.id, notice.workflowId, rule.windowSeconds, now));
      return 'send';
    },
    /** Windows that ended: each one's held notices (if any) leave as a digest, and the window is renewed or dropped. */
    async takeEnded(windowOf: (ruleId: string) => Promise<number | undefined>, now = Date.now()): Promise<WindowDoc[]> {
      const ended = (await store.find({ filter: { until: { $lte: new Date(now).toISOString() } }, limit: 500 })).items;
      const digests: WindowDoc[] = [];
      for (const window of ended) {
        const seconds = await windowOf(window.ruleId);
        if (window.heldCount > 0 && seconds !== undefined) {
          digests.push(window);
          await store.upsert(open(window.ruleId, window.workflowId, seconds, now));
        } else {
          await store.delete(window.id);
        }
      }
      return digests;
    },
  };
}
