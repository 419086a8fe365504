// IF v2 (n8n-nodes-base.if 2–2.3): the filter conditions engine; outputs [true, false].
// Errors go to "false" when continuing on failure.
import type { ExecuteContext, Item, NodeType } from '../../engine/index.ts';
import {
  conditionsProperty,
  derivedFilterOptions,
  evaluateFilter,
  ignoreCaseOption,
  isLooseTypeValidation,
  looseTypeValidationProperties,
} from '../shared/filter-node.ts';
import { stampedInput } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';

const loose = looseTypeValidationProperties(2.1);

/** The filter engine version the editor stores for this node version. */
export function ifFilterVersion(typeVersion: number): number {
  if (typeVersion >= 2.3) return 3;
  return typeVersion >= 2.2 ? 2 : 1;
}

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
    properties: [
      conditionsProperty(2.1, '={{ $nodeVersion >= 2.3 ? 3 : $nodeVersion >= 2.2 ? 2 : 1 }}'),
      loose.topLevel,
      {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add option',
        default: {},
        options: [ignoreCaseOption, loose.option],
      },
    ],
  },
  async execute(ctx: ExecuteContext) {
    const trueItems: Item[] = [];
    const falseItems: Item[] = [];
    const filterVersion = ifFilterVersion(ctx.node.typeVersion);
    stampedInput(ctx.getInputData()).forEach((item, itemIndex) => {
      try {
        const options = collection(ctx, 'options', itemIndex);
        const isLoose = isLooseTypeValidation(ctx, itemIndex, options, 2.1);
        const conditions = param<unknown>(ctx, 'conditions', itemIndex, {});
        const fallback = derivedFilterOptions(isLoose, options, filterVersion);
        const pass = evaluateFilter(ctx, conditions, itemIndex, fallback, isLoose);
        (pass ? trueItems : falseItems).push(item);
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        falseItems.push(item);
      }
    });
    return [trueItems, falseItems];
  },
};
