// The Merge node's (v3) editor methods: choices that depend on how many inputs the node has.
import type { ExecuteContext, LoadedOption, NodeMethods } from '../../engine/index.ts';

function inputCount(ctx: ExecuteContext): number {
  const value = Number(ctx.getNodeParameter('numberInputs', 0, 2));
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 2;
}

export const mergeV3Methods: NodeMethods = {
  loadOptions: {
    /** One choice per input, numbered from 1. */
    async getInputs(ctx): Promise<LoadedOption[]> {
      return Array.from({ length: inputCount(ctx) }, (_, index) => ({ name: String(index + 1), value: index + 1 }));
    },
    /** With more than two inputs "prefer input 2" has no meaning, so the earliest input wins instead. */
    async getResolveClashOptions(ctx): Promise<LoadedOption[]> {
      const addSuffix = { name: 'Always Add Input Number to Field Names', value: 'addSuffix' };
      if (inputCount(ctx) > 2) return [addSuffix, { name: 'Use Earliest Version', value: 'preferInput1' }];
      return [addSuffix, { name: 'Prefer Input 1 Version', value: 'preferInput1' }, { name: 'Prefer Input 2 Version', value: 'preferLast' }];
    },
  },
};
