// Filter v2 (n8n-nodes-base.filter 2–2.3): keeps items matching the filter conditions.
// Returns [kept, discarded]; only "kept" is connectable, both are recorded in run data.
import type { ExecuteContext, NodeType } from '../../engine/index.ts';
import { conditionsNodeV2Properties, passesConditionsV2 } from '../shared/filter-node.ts';
import { partitionInput } from '../shared/items.ts';
import { filterDescription } from './filter-description.ts';

export const filterV2Node: NodeType = {
  outsideEffects: false,
  description: filterDescription([2, 2.1, 2.2, 2.3], conditionsNodeV2Properties()),
  async execute(ctx: ExecuteContext) {
    return partitionInput(ctx, (itemIndex) => passesConditionsV2(ctx, itemIndex));
  },
};
