// Date & Time (n8n-nodes-base.dateTime v1, v2): manipulates date and time values.
import type { ExecuteContext, NodeProperty, NodeType } from '../../engine/index.ts';
import { executeDateTimeV1 } from './date-time-v1.ts';
import { dateTimeV1Properties } from './date-time-v1.description.ts';
import { executeDateTimeV2 } from './date-time-v2.ts';
import { dateTimeV2Properties } from './date-time-v2.description.ts';
import { dateTimeMethods } from './date-time-methods.ts';

/** Restricts a property to some typeVersions, keeping its own display conditions. */
function forVersions(versions: number[], properties: NodeProperty[]): NodeProperty[] {
  return properties.map((property) => ({
    ...property,
    displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, '@version': versions } },
  }));
}

export const dateTimeNode: NodeType = {
  outsideEffects: false,
  methods: dateTimeMethods,
  description: {
    name: 'n8n-nodes-base.dateTime',
    displayName: 'Date & Time',
    group: ['transform'],
    version: [1, 2],
    description: 'Manipulate date and time values',
    defaults: { name: 'Date & Time', color: '#408000' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [...forVersions([1], dateTimeV1Properties), ...forVersions([2], dateTimeV2Properties)],
  },
  async execute(ctx: ExecuteContext) {
    return [ctx.node.typeVersion < 2 ? executeDateTimeV1(ctx) : executeDateTimeV2(ctx)];
  },
};
