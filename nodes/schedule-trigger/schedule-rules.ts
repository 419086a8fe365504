// Turns the Schedule Trigger, Cron and Interval nodes' parameters into timer specs (a cron pattern
// with seconds, or a fixed period), the way n8n's nodes register their crons and intervals.
import { createHash } from 'node:crypto';
import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';
import type { WorkflowDefinition, WorkflowNode } from '../../domain/index.ts';

export const SCHEDULE_TRIGGER = 'n8n-nodes-base.scheduleTrigger';
export const CRON_NODE = 'n8n-nodes-base.cron';
export const INTERVAL_NODE = 'n8n-nodes-base.interval';

/** One timer of one trigger node. `key` is stable across restarts and servers. */
export interface TriggerSchedule {
  key: string;
  node: string;
  /** Six-field cron (seconds first), evaluated in the workflow's time zone. */
  cron?: string;
  /** Fixed period in ms (Interval node), counted from when it was armed. */
  everyMs?: number;
  /**
   * "Every N days/weeks" cannot be said in cron: the cron fires daily (weekly) and only ticks
   * whose day (week) number since 1970 in the zone is a multiple of N start a run.
   */
  recurrence?: { unit: 'days' | 'weeks'; every: number };
}

export class ScheduleRuleError extends Error {}

const MAX_INTERVAL_MS = 2_147_483_647;

/** Every timer the definition's enabled trigger nodes ask for; throws ScheduleRuleError on a bad rule. */
export function triggerSchedules(definition: WorkflowDefinition, workflowId: string): TriggerSchedule[] {
  const out: TriggerSchedule[] = [];
  for (const node of definition.nodes) {
    if (node.disabled) continue;
    if (node.type === SCHEDULE_TRIGGER) out.push(...scheduleTriggerRules(node, workflowId));
    else if (node.type === CRON_NODE) out.push(...cronNodeRules(node, workflowId));
    else if (node.type === INTERVAL_NODE) out.push(intervalNodeRule(node, workflowId));
  }
  for (const s of out) if (s.cron) validateCron(s.cron, s.node);
  return out;
}

/** A polling node's `pollTimes` (the Cron node's triggerTimes shape; n8n's default every minute) as schedules. */
export function pollTimesSchedules(node: WorkflowNode, workflowId: string): TriggerSchedule[] {
  const pollTimes = (node.parameters as Record<string, unknown> | undefined)?.pollTimes ?? { item: [{ mode: 'everyMinute' }] };
  const out = cronNodeRules({ ...node, parameters: { triggerTimes: pollTimes } }, workflowId);
  for (const s of out) if (s.cron) validateCron(s.cron, s.node);
  return out;
}

/** A deterministic "random" number in [0, n) per workflow, node and rule, as n8n spreads load. */
function spread(seed: string, n: number): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) % n;
}

const int = (value: unknown, fallback: number) => {
  const n = Number(value ?? fallback);
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
};

function scheduleTriggerRules(node: WorkflowNode, workflowId: string): TriggerSchedule[] {
  const params = node.parameters as Record<string, unknown>;
  const rule = (params.rule ?? { interval: [{ field: 'days' }] }) as { interval?: Record<string, unknown>[] };
  const intervals = rule.interval?.length ? rule.interval : [{ field: 'days' }];
  return intervals.map((iv, i) => {
    const key = `${workflowId}:${node.name}:${i}`;
    const second = spread(`${key}:s`, 60);
    const minute = iv.triggerAtMinute === undefined ? spread(`${key}:m`, 60) : int(iv.triggerAtMinute, 0);
    const hour = iv.triggerAtHour === undefined ? spread(`${key}:h`, 24) : int(iv.triggerAtHour, 0);
    const base = { key, node: node.name };
    const positive = (name: string, value: unknown, fallback: number) => {
      const n = int(value, fallback);
      if (n < 1) throw new ScheduleRuleError(`${node.name}: ${name} must be at least 1`);
      return n;
    };
    switch (iv.field ?? 'days') {
      case 'cronExpression':
        return { ...base, cron: withSeconds(String(iv.expression ?? '').trim(), node.name) };
      case 'seconds':
        return { ...base, cron: `*/${positive('secondsInterval', iv.secondsInterval, 30)} * * * * *` };
      case 'minutes':
        return { ...base, cron: `${second} */${positive('minutesInterval', iv.minutesInterval, 5)} * * * *` };
      case 'hours':
        return { ...base, cron: `${second} ${minute} */${positive('hoursInterval', iv.hoursInterval, 1)} * * *` };
      case 'days': {
        const every = positive('daysInterval', iv.daysInterval, 1);
        return { ...base, cron: `${second} ${minute} ${hour} * * *`, ...(every > 1 ? { recurrence: { unit: 'days' as const, every } } : {}) };
      }
      case 'weeks': {
        const every = positive('weeksInterval', iv.weeksInterval, 1);
        const days = Array.isArray(iv.triggerAtDay) && iv.triggerAtDay.length ? iv.triggerAtDay.map((d) => int(d, 0)).join(',') : '0';
        return { ...base, cron: `${second} ${minute} ${hour} * * ${days}`, ...(every > 1 ? { recurrence: { unit: 'weeks' as const, every } } : {}) };
      }
      case 'months': {
        const every = positive('monthsInterval', iv.monthsInterval, 1);
        const day = int(iv.triggerAtDayOfMonth, 1);
        return { ...base, cron: `${second} ${minute} ${hour} ${day} */${every} *` };
      }
      default:
        throw new ScheduleRuleError(`${node.name}: unknown interval '${String(iv.field)}'`);
    }
  });
}

function cronNodeRules(node: WorkflowNode, workflowId: string): TriggerSchedule[] {
  const params = node.parameters as Record<string, unknown>;
  const items = ((params.triggerTimes as { item?: Record<string, unknown>[] } | undefined)?.item ?? []);
  return items.map((item, i) => {
    const key = `${workflowId}:${node.name}:${i}`;
    const second = spread(`${key}:s`, 60);
    const hour = int(item.hour, 14);
    const minute = int(item.minute, 0);
    const base = { key, node: node.name };
    switch (item.mode ?? 'everyDay') {
      case 'everyMinute':
        return { ...base, cron: `${second} * * * * *` };
      case 'everyHour':
        return { ...base, cron: `${second} ${minute} * * * *` };
      case 'everyDay':
        return { ...base, cron: `${second} ${minute} ${hour} * * *` };
      case 'everyWeek':
        return { ...base, cron: `${second} ${minute} ${hour} * * ${int(item.weekday, 1)}` };
      case 'everyMonth':
        return { ...base, cron: `${second} ${minute} ${hour} ${int(item.dayOfMonth, 1)} * *` };
      case 'everyX': {
        const value = int(item.value, 2);
        if (value < 1) throw new ScheduleRuleError(`${node.name}: the value must be at least 1`);
        return { ...base, cron: item.unit === 'minutes' ? `${second} */${value} * * * *` : `${second} 0 */${value} * * *` };
      }
      case 'custom':
        return { ...base, cron: withSeconds(String(item.cronExpression ?? '').trim(), node.name) };
      default:
        throw new ScheduleRuleError(`${node.name}: unknown mode '${String(item.mode)}'`);
    }
  });
}

function intervalNodeRule(node: WorkflowNode, workflowId: string): TriggerSchedule {
  const params = node.parameters as Record<string, unknown>;
  const interval = int(params.interval, 1);
  const unit = String(params.unit ?? 'seconds');
  if (interval < 1) throw new ScheduleRuleError(`${node.name}: the interval must be at least 1`);
  const ms = interval * (unit === 'hours' ? 3_600_000 : unit === 'minutes' ? 60_000 : 1000);
  if (ms > MAX_INTERVAL_MS) throw new ScheduleRuleError(`${node.name}: the interval is too long`);
  return { key: `${workflowId}:${node.name}:0`, node: node.name, everyMs: ms };
}

/** n8n accepts five-field crons too: they fire at second 0. */
function withSeconds(expression: string, nodeName: string): string {
  if (!expression) throw new ScheduleRuleError(`${nodeName}: the cron expression is empty`);
  return expression.split(/\s+/).length === 5 ? `0 ${expression}` : expression;
}

function validateCron(cron: string, nodeName: string): void {
  try {
    CronExpressionParser.parse(cron, { strict: false });
  } catch (err) {
    throw new ScheduleRuleError(`${nodeName}: invalid cron expression '${cron}': ${(err as Error).message}`);
  }
}

/** When the cron fires next after `after`, in the zone. */
export function nextCronTime(cron: string, after: Date, timezone: string): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone }).next().toDate();
}

/** Whether a tick at `at` should start a run (the every-N-days/weeks filter). */
export function isDueTick(schedule: TriggerSchedule, at: Date, timezone: string): boolean {
  if (!schedule.recurrence) return true;
  const local = DateTime.fromJSDate(at, { zone: timezone });
  const day = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
  const index = schedule.recurrence.unit === 'days' ? day : Math.floor((day + 4) / 7); // 1970-01-01 was a Thursday
  return index % schedule.recurrence.every === 0;
}
