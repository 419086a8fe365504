// The embedded timers: ticks at their due times, no burst of missed ticks after a stall (the
// documented policy), and nothing after disarming.
import { describe, expect, it } from 'vitest';
import { createEmbeddedScheduler, type Tick } from './scheduler.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stall = (ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) { /* block the event loop, as a stalled process would */ }
};

function collect() {
  const ticks: { tick: Tick; firedAt: number }[] = [];
  const scheduler = createEmbeddedScheduler(async (tick) => void ticks.push({ tick, firedAt: Date.now() }));
  return { ticks, scheduler };
}

describe('embedded scheduler', () => {
  it('fires cron ticks at their due second, in the zone', async () => {
    const { ticks, scheduler } = collect();
    await scheduler.arm('w1', [{ key: 'w1:S:0', node: 'S', cron: '* * * * * *' }], 'Europe/Berlin');
    await sleep(2300);
    await scheduler.close();
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const { tick, firedAt } of ticks) {
      expect(tick.scheduledAt.getMilliseconds()).toBe(0);
      expect(firedAt - tick.scheduledAt.getTime()).toBeLessThan(1000);
      expect(tick.timezone).toBe('Europe/Berlin');
    }
  });

  it('does not replay the ticks missed while the process was stalled', async () => {
    const { ticks, scheduler } = collect();
    await scheduler.arm('w1', [{ key: 'w1:S:0', node: 'S', cron: '* * * * * *' }], 'UTC');
    await scheduler.arm('w2', [{ key: 'w2:I:0', node: 'I', everyMs: 300 }], 'UTC');
    await sleep(1100);
    const before = ticks.length;
    stall(3000);
    const wokeAt = Date.now();
    await sleep(150);
    // Three seconds stalled: w1 missed three ticks, w2 ten.
    const overdue = ticks.slice(before).filter((t) => t.tick.scheduledAt.getTime() < wokeAt);
    await scheduler.close();
    // Each schedule delivers at most its one overdue tick on waking, not one per missed period.
    expect(overdue.filter((t) => t.tick.workflowId === 'w1').length).toBeLessThanOrEqual(1);
    expect(overdue.filter((t) => t.tick.workflowId === 'w2').length).toBeLessThanOrEqual(1);
    // And the schedules go on afterwards.
    expect(ticks.slice(before).length).toBeGreaterThanOrEqual(1);
  });

  it('stops ticking when disarmed, and re-arming replaces the timers', async () => {
    const { ticks, scheduler } = collect();
    await scheduler.arm('w1', [{ key: 'w1:I:0', node: 'I', everyMs: 100 }], 'UTC');
    await scheduler.arm('w1', [{ key: 'w1:I:0', node: 'I', everyMs: 100 }], 'UTC');
    await sleep(350);
    const counted = ticks.length;
    expect(counted).toBeGreaterThanOrEqual(1);
    expect(counted).toBeLessThanOrEqual(4);
    expect(scheduler.armed()).toEqual(['w1']);
    await scheduler.disarm('w1');
    await sleep(250);
    expect(ticks.length).toBe(counted);
    expect(scheduler.armed()).toEqual([]);
  });
});
