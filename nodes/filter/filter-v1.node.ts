// Filter v1 (n8n-nodes-base.filter): legacy per-type condition lists with AND/OR; returns
// [kept, discarded] (the editor shows one output, the run data records both).
import type { ExecuteContext, Item, NodeType } from '../../engine/index.ts';
import { stampedInput } from '../shared/items.ts';
import { evaluateLegacyConditions, legacyConditionsProperty } from '../shared/legacy-conditions.ts';
import { param } from '../shared/params.ts';

export const filterV1Node: NodeType = {
  description: {
    name: 'n8n-nodes-base.filter',
    displayName: 'Filter',
    group: ['transform'],
    version: [1],
    description: 'Remove items matching a condition',
    icon: 'fa:filter',
    defaults: { name: 'Filter', color: '#229eff' },
    inputs: ['main'],
    outputs: ['main'],
    outputNames: ['Kept', 'Discarded'],
    properties: [
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
    ],
  },
  async execute(ctx: ExecuteContext) {
    const kept: Item[] = [];
    const discarded: Item[] = [];
    stampedInput(ctx.getInputData()).forEach((item, itemIndex) => {
      const combine = param(ctx, 'combineConditions', itemIndex, 'AND');
      const conditions = param<Record<string, unknown>>(ctx, 'conditions', itemIndex, {});
      const pass = evaluateLegacyConditions(ctx.node.name, conditions ?? {}, combine === 'AND');
      (pass ? kept : discarded).push(item);
    });
    return [kept, discarded];
  },
};
