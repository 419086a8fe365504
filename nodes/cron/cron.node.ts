// Cron (n8n-nodes-base.cron v1, legacy): starts runs at fixed times; server/triggers arms the
// timers from its trigger times. A run starts with one empty item.
import type { NodeDescription, NodeOutput, NodeType } from '../../engine/index.ts';
import { option } from '../shared/properties.ts';

const show = (...modes: string[]) => ({ show: { mode: modes } });

const description: NodeDescription = {
  name: 'n8n-nodes-base.cron',
  displayName: 'Cron',
  group: ['trigger', 'schedule'],
  version: [1],
  description: 'Triggers the workflow at a specific time',
  icon: 'fa:clock',
  defaults: { name: 'Cron', color: '#29a568' },
  inputs: [],
  outputs: ['main'],
  triggerKind: 'trigger',
  properties: [{
    displayName: 'Trigger Times',
    name: 'triggerTimes',
    type: 'fixedCollection',
    default: {},
    typeOptions: { multipleValues: true },
    options: [{
      name: 'item',
      displayName: 'Item',
      values: [
        {
          displayName: 'Mode', name: 'mode', type: 'options', default: 'everyDay',
          options: [
            option('Every Minute', 'everyMinute'), option('Every Hour', 'everyHour'), option('Every Day', 'everyDay'),
            option('Every Week', 'everyWeek'), option('Every Month', 'everyMonth'), option('Every X', 'everyX'), option('Custom', 'custom'),
          ],
        },
        { displayName: 'Hour', name: 'hour', type: 'number', default: 14, displayOptions: show('everyDay', 'everyWeek', 'everyMonth') },
        { displayName: 'Minute', name: 'minute', type: 'number', default: 0, displayOptions: show('everyHour', 'everyDay', 'everyWeek', 'everyMonth') },
        { displayName: 'Day of Month', name: 'dayOfMonth', type: 'number', default: 1, displayOptions: show('everyMonth') },
        { displayName: 'Weekday', name: 'weekday', type: 'options', default: '1', displayOptions: show('everyWeek'),
          options: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((d, i) => option(d, String(i))) },
        { displayName: 'Cron Expression', name: 'cronExpression', type: 'string', default: '* * * * * *', displayOptions: show('custom') },
        { displayName: 'Value', name: 'value', type: 'number', default: 2, displayOptions: show('everyX') },
        { displayName: 'Unit', name: 'unit', type: 'options', default: 'hours', displayOptions: show('everyX'), options: [option('Minutes', 'minutes'), option('Hours', 'hours')] },
      ],
    }],
  }],
};

async function execute(): Promise<NodeOutput> {
  return [[{ json: {} }]];
}

export const cronNode: NodeType = { description, execute };
