// Filter v2 (n8n-nodes-base.filter 2–2.3): keeps items matching the filter conditions.
// Returns [kept, discarded]; only "kept" is connectable, both are recorded in run data.
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

function filterVersion(typeVersion: number): number {
  if (typeVersion >= 2.3) return 3;
  return typeVersion >= 2.2 ? 2 : 1;
}

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
    const kept: Item[] = [];
    const discarded: Item[] = [];
    const version = filterVersion(ctx.node.typeVersion);
    stampedInput(ctx.getInputData()).forEach((item, itemIndex) => {
      try {
        const options = collection(ctx, 'options', itemIndex);
        const isLoose = isLooseTypeValidation(ctx, itemIndex, options, 2.1);
        const conditions = param<unknown>(ctx, 'conditions', itemIndex, {});
        const pass = evaluateFilter(ctx, conditions, itemIndex, derivedFilterOptions(isLoose, options, version), isLoose);
        (pass ? kept : discarded).push(item);
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        discarded.push(item);
      }
    });
    return [kept, discarded];
  },
};
