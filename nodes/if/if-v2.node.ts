// IF v2 (n8n-nodes-base.if 2–2.3): the filter conditions engine; outputs [true, false].
// Errors go to "false" when continuing on failure.
import type { ExecuteContext, NodeType } from '../../engine/index.ts';
import { conditionsNodeV2Properties, passesConditionsV2 } from '../shared/filter-node.ts';
import { partitionInput } from '../shared/items.ts';

export const ifV2Node: NodeType = {
  description: {
    name: 'n8n-nodes-base.if',
    displayName: 'If',
    group: ['transform'],
    version: [2, 2.1, 2.2, 2.3],
    description: 'Route items to different branches (true/false)',
    icon: 'fa:map-signs',
    defaults: { name: 'If', color: '#408000' },
    inputs: ['main'],
    outputs: ['main', 'main'],
    outputNames: ['true', 'false'],
    properties: conditionsNodeV2Properties(),
  },
  async execute(ctx: ExecuteContext) {
    return partitionInput(ctx, (itemIndex) => passesConditionsV2(ctx, itemIndex));
  },
};
