import { describe, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { scheduleTriggerItem } from './schedule-item.ts';
import { isDueTick, nextCronTime, ScheduleRuleError, triggerSchedules } from './schedule-rules.ts';

const workflow = (nodes: object[]) => parseWorkflowDefinition({ name: 'w', nodes, connections: {} });
const schedule = (interval: object[], name = 'Schedule') =>
  ({ id: name, name, type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: { rule: { interval } } });

describe('schedule rules', () => {
  it('turns intervals into six-field crons, spreading seconds per workflow but stable across calls', () => {
    const def = workflow([schedule([
      { field: 'seconds', secondsInterval: 10 },
      { field: 'minutes', minutesInterval: 15 },
      { field: 'hours', hoursInterval: 2, triggerAtMinute: 30 },
      { field: 'days', triggerAtHour: 9, triggerAtMinute: 5 },
      { field: 'weeks', weeksInterval: 1, triggerAtDay: [1, 3], triggerAtHour: 8, triggerAtMinute: 0 },
      { field: 'months', monthsInterval: 3, triggerAtDayOfMonth: 15, triggerAtHour: 0, triggerAtMinute: 0 },
      { field: 'cronExpression', expression: '0 12 * * 1-5' },
    ])]);
    const rules = triggerSchedules(def, 'wf1');
    const crons = rules.map((r) => r.cron!);
    expect(crons[0]).toBe('*/10 * * * * *');
    expect(crons[1]).toMatch(/^\d{1,2} \*\/15 \* \* \* \*$/);
    expect(crons[2]).toMatch(/^\d{1,2} 30 \*\/2 \* \* \*$/);
    expect(crons[3]).toMatch(/^\d{1,2} 5 9 \* \* \*$/);
    expect(crons[4]).toMatch(/^\d{1,2} 0 8 \* \* 1,3$/);
    expect(crons[5]).toMatch(/^\d{1,2} 0 0 15 \*\/3 \*$/);
    expect(crons[6]).toBe('0 0 12 * * 1-5');
    expect(triggerSchedules(def, 'wf1')).toEqual(rules);
    expect(new Set(rules.map((r) => r.key)).size).toBe(rules.length);
  });

  it('marks every-N-days and every-N-weeks rules for the recurrence filter', () => {
    const [days] = triggerSchedules(workflow([schedule([{ field: 'days', daysInterval: 3, triggerAtHour: 0, triggerAtMinute: 0 }])]), 'w');
    expect(days.recurrence).toEqual({ unit: 'days', every: 3 });
    const due = [0, 1, 2, 3, 4, 5].map((d) => isDueTick(days, new Date(Date.UTC(2024, 0, 1 + d)), 'UTC'));
    expect(due.filter(Boolean)).toHaveLength(2);
    expect(due[0] === due[3]).toBe(true);
  });

  it('reads the legacy Cron and Interval nodes', () => {
    const def = workflow([
      { id: 'c', name: 'Cron', type: 'n8n-nodes-base.cron', typeVersion: 1, position: [0, 0], parameters: { triggerTimes: { item: [{ mode: 'everyWeek', hour: 7, minute: 15, weekday: '2' }, { mode: 'custom', cronExpression: '*/5 * * * * *' }] } } },
      { id: 'i', name: 'Interval', type: 'n8n-nodes-base.interval', typeVersion: 1, position: [0, 0], parameters: { interval: 2, unit: 'minutes' } },
    ]);
    const rules = triggerSchedules(def, 'w');
    expect(rules[0].cron).toMatch(/^\d{1,2} 15 7 \* \* 2$/);
    expect(rules[1].cron).toBe('*/5 * * * * *');
    expect(rules[2]).toMatchObject({ node: 'Interval', everyMs: 120_000 });
  });

  it('refuses invalid rules with a reason naming the node', () => {
    expect(() => triggerSchedules(workflow([schedule([{ field: 'cronExpression', expression: 'every day at noon' }])]), 'w')).toThrow(ScheduleRuleError);
    expect(() => triggerSchedules(workflow([schedule([{ field: 'minutes', minutesInterval: 0 }])]), 'w')).toThrow(/Schedule: minutesInterval/);
  });

  it('skips disabled trigger nodes', () => {
    expect(triggerSchedules(workflow([{ ...schedule([{ field: 'seconds' }]), disabled: true }]), 'w')).toEqual([]);
  });

  it('finds the next time in the zone', () => {
    const next = nextCronTime('0 0 9 * * *', new Date('2024-03-10T12:00:00Z'), 'America/New_York');
    // 12:00Z is 08:00 in New York on the day DST starts (UTC-4), so 09:00 is at 13:00Z the same day.
    expect(next.toISOString()).toBe('2024-03-10T13:00:00.000Z');
  });
});

describe('schedule trigger item', () => {
  it("has n8n's fields in the workflow's zone", () => {
    expect(scheduleTriggerItem(new Date('2024-01-02T15:04:05.000Z'), 'Europe/Berlin')).toEqual({
      timestamp: '2024-01-02T16:04:05.000+01:00',
      'Readable date': 'January 2nd 2024, 4:04:05 pm',
      'Readable time': '4:04:05 pm',
      'Day of week': 'Tuesday',
      Year: '2024',
      Month: 'January',
      'Day of month': '02',
      Hour: '16',
      Minute: '04',
      Second: '05',
      Timezone: 'Europe/Berlin (UTC+01:00)',
    });
  });
});
