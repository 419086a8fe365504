// Schedule Trigger (n8n-nodes-base.scheduleTrigger v1–1.3): starts runs on intervals or crons. The
// timers live in server/triggers; a manual run emits one item for now, like n8n's manual mode.
import type { ExecuteContext, NodeDescription, NodeOutput, NodeType } from '../../engine/index.ts';
import { option } from '../shared/properties.ts';
import { scheduleTriggerItem } from './schedule-item.ts';

const n = (name: string, displayName: string, def: number, field: string, extra: Record<string, unknown> = {}) => ({
  displayName, name, type: 'number' as const, default: def, displayOptions: { show: { field: [field] } }, ...extra,
});

const description: NodeDescription = {
  name: 'n8n-nodes-base.scheduleTrigger',
  displayName: 'Schedule Trigger',
  group: ['trigger', 'schedule'],
  version: [1, 1.1, 1.2, 1.3],
  description: 'Triggers the workflow on a given schedule',
  icon: 'fa:clock',
  defaults: { name: 'Schedule Trigger', color: '#31C49F' },
  inputs: [],
  outputs: ['main'],
  triggerKind: 'trigger',
  properties: [
    {
      displayName: 'Trigger Rules',
      name: 'rule',
      type: 'fixedCollection',
      default: { interval: [{ field: 'days' }] },
      typeOptions: { multipleValues: true },
      options: [{
        name: 'interval',
        displayName: 'Trigger Interval',
        values: [
          {
            displayName: 'Trigger Interval', name: 'field', type: 'options', default: 'days',
            options: [
              option('Seconds', 'seconds'), option('Minutes', 'minutes'), option('Hours', 'hours'), option('Days', 'days'),
              option('Weeks', 'weeks'), option('Months', 'months'), option('Custom (Cron)', 'cronExpression'),
            ],
          },
          n('secondsInterval', 'Seconds Between Triggers', 30, 'seconds'),
          n('minutesInterval', 'Minutes Between Triggers', 5, 'minutes'),
          n('hoursInterval', 'Hours Between Triggers', 1, 'hours'),
          n('daysInterval', 'Days Between Triggers', 1, 'days'),
          n('weeksInterval', 'Weeks Between Triggers', 1, 'weeks'),
          n('monthsInterval', 'Months Between Triggers', 1, 'months'),
          { displayName: 'Trigger on Day of Month', name: 'triggerAtDayOfMonth', type: 'number', default: 1, displayOptions: { show: { field: ['months'] } } },
          { displayName: 'Trigger on Weekdays', name: 'triggerAtDay', type: 'multiOptions', default: [0], displayOptions: { show: { field: ['weeks'] } },
            options: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((d, i) => option(d, i)) },
          { displayName: 'Trigger at Hour', name: 'triggerAtHour', type: 'options', default: 0, displayOptions: { show: { field: ['days', 'weeks', 'months'] } },
            options: Array.from({ length: 24 }, (_, h) => option(`${h}`, h)) },
          { displayName: 'Trigger at Minute', name: 'triggerAtMinute', type: 'number', default: 0, displayOptions: { show: { field: ['hours', 'days', 'weeks', 'months'] } } },
          { displayName: 'Expression', name: 'expression', type: 'string', default: '', placeholder: 'eg. 0 15 * 1 sun', displayOptions: { show: { field: ['cronExpression'] } } },
        ],
      }],
    },
  ],
};

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  return [[{ json: scheduleTriggerItem(new Date(), ctx.timezone) }]];
}

export const scheduleTriggerNode: NodeType = { description, execute };
