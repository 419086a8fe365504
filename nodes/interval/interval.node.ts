// Interval (n8n-nodes-base.interval v1, legacy): starts a run every N seconds, minutes or hours,
// counted from activation; server/triggers arms the timer. A run starts with one empty item.
import type { NodeDescription, NodeOutput, NodeType } from '../../engine/index.ts';
import { option } from '../shared/properties.ts';

const description: NodeDescription = {
  name: 'n8n-nodes-base.interval',
  displayName: 'Interval',
  group: ['trigger', 'schedule'],
  version: [1],
  description: 'Triggers the workflow in a given interval',
  icon: 'fa:hourglass',
  defaults: { name: 'Interval', color: '#00FF00' },
  inputs: [],
  outputs: ['main'],
  triggerKind: 'trigger',
  properties: [
    { displayName: 'Interval', name: 'interval', type: 'number', default: 1, typeOptions: { minValue: 1 }, description: 'Interval value' },
    { displayName: 'Unit', name: 'unit', type: 'options', default: 'seconds', options: [option('Seconds', 'seconds'), option('Minutes', 'minutes'), option('Hours', 'hours')] },
  ],
};

async function execute(): Promise<NodeOutput> {
  return [[{ json: {} }]];
}

export const intervalNode: NodeType = { description, execute };
