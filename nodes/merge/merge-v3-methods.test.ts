import { describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { mergeV3Node } from './merge-v3.node.ts';

const env = { getCredentials: async () => ({}), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
const options = async (method: string, currentNodeParameters: Record<string, unknown>) =>
  ((await runNodeMethod({ nodeType: mergeV3Node, typeVersion: 3, kind: 'loadOptions', method, currentNodeParameters }, env)) as { options: unknown[] }).options;

describe('Merge v3 editor methods', () => {
  it('getInputs numbers the inputs from 1 (two by default)', async () => {
    expect(await options('getInputs', { mode: 'chooseBranch' })).toEqual([{ name: '1', value: 1 }, { name: '2', value: 2 }]);
    expect(await options('getInputs', { mode: 'append', numberInputs: 4 })).toEqual([1, 2, 3, 4].map((n) => ({ name: String(n), value: n })));
  });

  it('getResolveClashOptions offers "prefer input 2" only with two inputs', async () => {
    expect((await options('getResolveClashOptions', { mode: 'combine', combineBy: 'combineByPosition' })).map((o) => (o as { value: string }).value))
      .toEqual(['addSuffix', 'preferInput1', 'preferLast']);
    expect(await options('getResolveClashOptions', { mode: 'combine', combineBy: 'combineByPosition', numberInputs: 3 })).toEqual([
      { name: 'Always Add Input Number to Field Names', value: 'addSuffix' },
      { name: 'Use Earliest Version', value: 'preferInput1' },
    ]);
  });
});
