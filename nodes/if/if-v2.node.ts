// IF v2 (n8n-nodes-base.if 2–2.3): the filter conditions engine; outputs [true, false].
// Errors go to "false" when continuing on failure.
import type { ExecuteContext, NodeType } from '../../engine/index.ts';
import { conditionsNodeV2Properties, passesConditionsV2 } from '../shared/filter-node.ts';
import { partitionInput } from '../shared/items.ts';
import { ifDescription } from './if-description.ts';

export const ifV2Node: NodeType = {
  outsideEffects: false,
  description: ifDescription('If', [2, 2.1, 2.2, 2.3], conditionsNodeV2Properties()),
  async execute(ctx: ExecuteContext) {
    return partitionInput(ctx, (itemIndex) => passesConditionsV2(ctx, itemIndex));
  },
};
