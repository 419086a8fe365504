import { describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { switchV3Node } from './switch-v3.node.ts';

const env = { getCredentials: async () => ({}), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };

describe('Switch v3 editor methods', () => {
  it('getFallbackOutputOptions offers none, extra, and one output per rule', async () => {
    const rules = { values: [{ renameOutput: true, outputKey: 'big', conditions: {} }, { conditions: {} }] };
    const answer = await runNodeMethod({ nodeType: switchV3Node, typeVersion: 3, kind: 'loadOptions', method: 'getFallbackOutputOptions', currentNodeParameters: { mode: 'rules', rules } }, env);
    expect((answer as { options: unknown[] }).options).toEqual([
      { name: 'None (default)', value: 'none', description: 'Items will be ignored' },
      { name: 'Extra Output', value: 'extra', description: 'Items will be sent to the extra, separate, output' },
      { name: 'Output big', value: 0, description: 'Items will be sent to the same output as when matched rule 1' },
      { name: 'Output 1', value: 1, description: 'Items will be sent to the same output as when matched rule 2' },
    ]);
  });
});
