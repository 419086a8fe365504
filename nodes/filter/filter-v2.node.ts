// Filter v2 (n8n-nodes-base.filter 2–2.3): keeps items matching the filter conditions.
// Returns [kept, discarded]; only "kept" is connectable, both are recorded in run data.
import type { ExecuteContext, NodeType } from '../../engine/index.ts';
import { conditionsNodeV2Properties, passesConditionsV2 } from '../shared/filter-node.ts';
import { partitionInput } from '../shared/items.ts';

export const filterV2Node: NodeType = {
  description: {
    name: 'n8n-nodes-base.filter',
    displayName: 'Filter',
    group: ['transform'],
    version: [2, 2.1, 2.2, 2.3],
    description: 'Remove items matching a condition',
    icon: 'fa:filter',
    defaults: { name: 'Filter', color: '#229eff' },
    inputs: ['main'],
    outputs: ['main'],
    outputNames: ['Kept', 'Discarded'],
    properties: conditionsNodeV2Properties(),
  },
  async execute(ctx: ExecuteContext) {
    return partitionInput(ctx, (itemIndex) => passesConditionsV2(ctx, itemIndex));
  },
};
