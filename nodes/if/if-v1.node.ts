// IF v1 (n8n-nodes-base.if): per-type condition lists combined with ALL/ANY; outputs [true, false].
import type { ExecuteContext, Item, NodeType } from '../../engine/index.ts';
import { stampedInput } from '../shared/items.ts';
import { evaluateLegacyConditions, legacyConditionsProperty } from '../shared/legacy-conditions.ts';
import { param } from '../shared/params.ts';

export const ifV1Node: NodeType = {
  description: {
    name: 'n8n-nodes-base.if',
    displayName: 'IF',
    group: ['transform'],
    version: [1],
    description: 'Route items to different branches (true/false)',
    icon: 'fa:map-signs',
    defaults: { name: 'IF', color: '#408000' },
    inputs: ['main'],
    outputs: ['main', 'main'],
    outputNames: ['true', 'false'],
    properties: [
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
    ],
  },
  async execute(ctx: ExecuteContext) {
    const trueItems: Item[] = [];
    const falseItems: Item[] = [];
    stampedInput(ctx.getInputData()).forEach((item, itemIndex) => {
      try {
        const combine = param(ctx, 'combineOperation', itemIndex, 'all');
        const conditions = param<Record<string, unknown>>(ctx, 'conditions', itemIndex, {});
        const pass = evaluateLegacyConditions(ctx.node.name, conditions ?? {}, combine === 'all');
        (pass ? trueItems : falseItems).push(item);
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        falseItems.push(item);
      }
    });
    return [trueItems, falseItems];
  },
};
