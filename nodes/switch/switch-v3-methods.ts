// The Switch node's (v3) editor methods: where unmatched items can go, given the current rules.
import type { LoadedOption, NodeMethods } from '../../engine/index.ts';

export const switchV3Methods: NodeMethods = {
  loadOptions: {
    async getFallbackOutputOptions(ctx): Promise<LoadedOption[]> {
      const rules = ctx.getNodeParameter('rules.values', 0, []);
      const choices: LoadedOption[] = [
        { name: 'None (default)', value: 'none', description: 'Items will be ignored' },
        { name: 'Extra Output', value: 'extra', description: 'Items will be sent to the extra, separate, output' },
      ];
      (Array.isArray(rules) ? rules : []).forEach((rule, index) => {
        const key = (rule as { outputKey?: unknown } | null)?.outputKey;
        choices.push({
          name: `Output ${key ? String(key) : index}`,
          value: index,
          description: `Items will be sent to the same output as when matched rule ${index + 1}`,
        });
      });
      return choices;
    },
  },
};
