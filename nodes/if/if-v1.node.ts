// IF v1 (n8n-nodes-base.if): per-type condition lists combined with ALL/ANY; outputs [true, false].
import type { ExecuteContext, NodeType } from '../../engine/index.ts';
import { partitionInput } from '../shared/items.ts';
import { legacyConditionsProperty, passesLegacyConditions } from '../shared/legacy-conditions.ts';
import { ifDescription } from './if-description.ts';

export const ifV1Node: NodeType = {
  outsideEffects: false,
  description: ifDescription('IF', [1], [
    legacyConditionsProperty,
    {
      displayName: 'Combine',
      name: 'combineOperation',
      type: 'options',
      options: [
        { name: 'ALL', value: 'all', description: 'Only if all conditions are met it goes into "true" branch' },
        { name: 'ANY', value: 'any', description: 'If any of the conditions is met it goes into "true" branch' },
      ],
      default: 'all',
      description: 'If multiple rules got set this settings decides if it is true as soon as ANY condition matches or only if ALL get meet',
    },
  ]),
  async execute(ctx: ExecuteContext) {
    return partitionInput(ctx, (itemIndex) => passesLegacyConditions(ctx, itemIndex, 'combineOperation', 'all'));
  },
};
