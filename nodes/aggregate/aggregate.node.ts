// Aggregate (n8n-nodes-base.aggregate v1): combines a field from many items into one item.
import type { ExecuteContext, NodeType } from '../../engine/index.ts';
import { aggregateProperties } from '../transform-shared/aggregate.ts';
import { runAggregate } from '../transform-shared/aggregate-params.ts';

export const aggregateNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.aggregate',
    displayName: 'Aggregate',
    group: ['transform'],
    version: [1],
    description: 'Combine a field from many items into a list in a single item',
    defaults: { name: 'Aggregate' },
    inputs: ['main'],
    outputs: ['main'],
    properties: aggregateProperties,
  },
  async execute(ctx: ExecuteContext) {
    return [[runAggregate(ctx, ctx.getInputData())]];
  },
};
