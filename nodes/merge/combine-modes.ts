// The Merge combine modes shared by v2 and v3: by matching fields (joins), by position, and all
// combinations (cross join).
import type { Item, JsonObject } from '../../engine/index.ts';
import { merge, type Obj } from '../shared/objects.ts';
import {
  addSourceField,
  addSuffixToEntriesKeys,
  findMatches,
  mergeMatched,
  selectMergeMethod,
  type ClashResolveOptions,
  type FieldPair,
  type MatchOptions,
} from './merge-helpers.ts';

export interface FieldsJoin {
  input1: Item[];
  input2: Item[];
  fields: FieldPair[];
  joinMode: string;
  outputDataFrom: string;
  options: MatchOptions;
  clash: ClashResolveOptions;
  /** What "stop this branch" returns: v3 returns no outputs at all, v2 one empty output. */
  stop: Item[][];
}

export function combineByFields(join: FieldsJoin): Item[][] {
  const { input1, input2, fields, joinMode, outputDataFrom, clash } = join;
  const options = { ...join.options, joinMode, outputDataFrom };
  if (input1.length === 0 || input2.length === 0) {
    if (!input1.length && joinMode === 'keepNonMatches' && outputDataFrom === 'input1') return [[]];
    if (!input2.length && joinMode === 'keepNonMatches' && outputDataFrom === 'input2') return [[]];
    if (joinMode === 'keepMatches') return join.stop;
    if (joinMode === 'enrichInput1' && input1.length === 0) return join.stop;
    if (joinMode === 'enrichInput2' && input2.length === 0) return join.stop;
    return [[...input1, ...input2]];
  }
  if (!fields.length) {
    return ['keepMatches', 'keepEverything', 'enrichInput2'].includes(joinMode) ? [[]] : [input1];
  }

  const matches = findMatches(input1, input2, fields, options);
  if (joinMode === 'keepMatches' || joinMode === 'keepEverything') {
    let output: Item[] = [];
    if (outputDataFrom === 'input1') output = matches.matched.map((match) => match.entry);
    if (outputDataFrom === 'input2') output = matches.matched2;
    if (outputDataFrom === 'both') output = mergeMatched(matches.matched, clash);
    if (joinMode === 'keepEverything') {
      const suffix = clash.resolveClash === 'addSuffix';
      output = [
        ...output,
        ...(suffix ? addSuffixToEntriesKeys(matches.unmatched1, '1') : matches.unmatched1),
        ...(suffix ? addSuffixToEntriesKeys(matches.unmatched2, '2') : matches.unmatched2),
      ];
    }
    return [output];
  }
  if (joinMode === 'keepNonMatches') {
    if (outputDataFrom === 'input1') return [matches.unmatched1];
    if (outputDataFrom === 'input2') return [matches.unmatched2];
    return [[...addSourceField(matches.unmatched1, 'input1'), ...addSourceField(matches.unmatched2, 'input2')]];
  }
  if (joinMode === 'enrichInput1' || joinMode === 'enrichInput2') {
    const merged = mergeMatched(matches.matched, clash, joinMode);
    const [unmatched, suffix] = joinMode === 'enrichInput1' ? [matches.unmatched1, '1'] : [matches.unmatched2, '2'];
    const rest = clash.resolveClash === 'addSuffix' ? addSuffixToEntriesKeys(unmatched, suffix) : unmatched;
    return [[...merged, ...rest]];
  }
  return [[]];
}

/** Every pairing of an input-1 item with an input-2 item; input 2 wins clashes by default. */
export function combineAll(inputs: Item[][], clash: ClashResolveOptions): Item[] {
  let [input1, input2] = inputs;
  if (!input1 || !input2) return [];
  if (clash.resolveClash === 'preferInput1') [input1, input2] = [input2, input1];
  if (clash.resolveClash === 'addSuffix') {
    input1 = addSuffixToEntriesKeys(input1, '1');
    input2 = addSuffixToEntriesKeys(input2, '2');
  }
  const mergeFn = selectMergeMethod(clash);
  const output: Item[] = [];
  for (const entry1 of input1) {
    for (const entry2 of input2) {
      output.push({
        json: { ...mergeFn(entry1.json, entry2.json) } as JsonObject,
        binary: { ...merge({}, entry1.binary as Obj | undefined, entry2.binary as Obj | undefined) } as Item['binary'],
        pairedItem: [entry1.pairedItem, entry2.pairedItem] as Item['pairedItem'],
      });
    }
  }
  return output;
}

/** v3: items at the same index merged; the preferred input (last by default) wins clashes. */
export function combineByPosition(inputs: Item[][], clash: ClashResolveOptions, includeUnpaired: boolean): Item[] {
  const preferredIndex = clash.resolveClash?.includes('preferInput')
    ? Number(clash.resolveClash.replace('preferInput', '')) - 1
    : inputs.length - 1;
  const preferred = inputs[preferredIndex] ?? [];
  if (clash.resolveClash === 'addSuffix') {
    inputs = inputs.map((input, index) => addSuffixToEntriesKeys(input, String(index + 1)));
  }
  const lengths = inputs.map((input) => input.length);
  const count = includeUnpaired ? Math.max(...lengths, preferred.length) : Math.min(...lengths, preferred.length);
  const mergeFn = selectMergeMethod(clash);
  const output: Item[] = [];
  for (let i = 0; i < count; i++) {
    const preferredEntry: Partial<Item> = preferred[i] ?? {};
    const rest: Array<Partial<Item>> = inputs.map((input) => input[i] ?? {});
    output.push({
      json: { ...mergeFn({}, ...rest.map((entry) => entry.json ?? {}), preferredEntry.json ?? {}) } as JsonObject,
      binary: { ...merge({}, ...rest.map((entry) => (entry.binary ?? {}) as Obj), (preferredEntry.binary ?? {}) as Obj) } as Item['binary'],
      pairedItem: [...rest.map((entry) => entry.pairedItem).flat(), preferredEntry.pairedItem].filter(
        (paired) => paired !== undefined,
      ) as Item['pairedItem'],
    });
  }
  return output;
}
