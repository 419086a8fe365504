// The timer port behind schedule triggers, and its embedded implementation (in-process timers).
//
// Missed ticks are never replayed: after a pause (the process was down, or its event loop was
// blocked) a timer only ever aims at the next future occurrence, and a tick that fires later
// than `maxLatenessMs` is skipped by the trigger service. At most one late tick per schedule runs.
import { nextCronTime, type TriggerSchedule } from '../../nodes/index.ts';

export interface Tick {
  workflowId: string;
  schedule: TriggerSchedule;
  timezone: string;
  /** When the tick was due. */
  scheduledAt: Date;
}

export type TickHandler = (tick: Tick) => Promise<void>;

export interface Scheduler {
  /** Replaces the workflow's timers with these. */
  arm(workflowId: string, schedules: TriggerSchedule[], timezone: string): Promise<void>;
  disarm(workflowId: string): Promise<void>;
  /** Drops the timers of every workflow not in `keep` (start-up clean-up of shared schedulers). */
  prune(keep: ReadonlySet<string>): Promise<void>;
  /** Which workflows have timers here. */
  armed(): string[];
  close(): Promise<void>;
}

// setTimeout takes at most 2^31-1 ms; longer waits re-aim when that much has passed.
const MAX_DELAY = 2_147_483_647;

export function createEmbeddedScheduler(onTick: TickHandler): Scheduler {
  const timers = new Map<string, Set<NodeJS.Timeout>>();

  function aim(workflowId: string, schedule: TriggerSchedule, timezone: string, previous: number): void {
    const set = timers.get(workflowId);
    if (!set) return;
    const now = Date.now();
    const due = schedule.cron
      ? nextCronTime(schedule.cron, new Date(Math.max(previous, now)), timezone).getTime()
      : Math.max(previous + schedule.everyMs!, now + 1);
    const delay = Math.min(due - now, MAX_DELAY);
    const timer = setTimeout(() => {
      set.delete(timer);
      if (!timers.has(workflowId)) return;
      if (Date.now() < due) {
        aim(workflowId, schedule, timezone, previous);
        return;
      }
      aim(workflowId, schedule, timezone, due);
      void onTick({ workflowId, schedule, timezone, scheduledAt: new Date(due) });
    }, Math.max(delay, 0));
    timer.unref();
    set.add(timer);
  }

  async function disarm(workflowId: string): Promise<void> {
    for (const t of timers.get(workflowId) ?? []) clearTimeout(t);
    timers.delete(workflowId);
  }

  return {
    async arm(workflowId, schedules, timezone) {
      await disarm(workflowId);
      if (schedules.length === 0) return;
      timers.set(workflowId, new Set());
      const now = Date.now();
      for (const s of schedules) aim(workflowId, s, timezone, now);
    },
    disarm,
    async prune(keep) {
      for (const id of [...timers.keys()]) if (!keep.has(id)) await disarm(id);
    },
    armed: () => [...timers.keys()],
    async close() {
      for (const id of [...timers.keys()]) await disarm(id);
    },
  };
}
