// Filter v1 (n8n-nodes-base.filter): legacy per-type condition lists with AND/OR; returns
// [kept, discarded] (the editor shows one output, the run data records both).
import type { ExecuteContext, NodeType } from '../../engine/index.ts';
import { partitionInput } from '../shared/items.ts';
import { legacyConditionsProperty, passesLegacyConditions } from '../shared/legacy-conditions.ts';
import { filterDescription } from './filter-description.ts';

export const filterV1Node: NodeType = {
  outsideEffects: false,
  description: filterDescription([1], [
    legacyConditionsProperty,
    {
      displayName: 'Combine Conditions',
      name: 'combineConditions',
      type: 'options',
      options: [
        { name: 'AND', value: 'AND', description: 'Items are passed to the next node only if they meet all the conditions' },
        { name: 'OR', value: 'OR', description: 'Items are passed to the next node if they meet at least one condition' },
      ],
      default: 'AND',
      description: 'How to combine the conditions: AND requires all conditions to be true, OR requires at least one condition to be true',
    },
  ]),
  async execute(ctx: ExecuteContext) {
    return partitionInput(ctx, (itemIndex) => passesLegacyConditions(ctx, itemIndex, 'combineConditions', 'AND'), false);
  },
};
