// Matching and merging helpers of the Merge node (v2 and v3 share them), after n8n's
// Merge/v3/helpers/utils.ts: field matching, clash resolution and paired-item bookkeeping.
import type { Item, JsonObject, PairedItem } from '../../engine/index.ts';
import { pairedItemList } from '../shared/items.ts';
import { assignWith, isEqual, merge, mergeWith, type Obj } from '../shared/objects.ts';
import { getPath } from '../shared/paths.ts';

export interface ClashResolveOptions {
  resolveClash?: string;
  mergeMode?: string;
  overrideEmpty?: boolean;
}

export interface MatchOptions {
  joinMode?: string;
  outputDataFrom?: string;
  multipleMatches?: string;
  disableDotNotation?: boolean;
  fuzzyCompare?: boolean;
}

export interface FieldPair {
  field1: string;
  field2: string;
}

interface EntryMatches {
  entry: Item;
  matches: Item[];
}

export function addSuffixToEntriesKeys(data: Item[], suffix: string): Item[] {
  return data.map((entry) => {
    const json: JsonObject = {};
    for (const key of Object.keys(entry.json)) json[`${key}_${suffix}`] = entry.json[key];
    return { ...entry, json };
  });
}

export function addSourceField(data: Item[], source: string): Item[] {
  return data.map((entry) => ({ ...entry, json: { ...entry.json, _source: source } }));
}

const isNull = (value: unknown) => value === null;
const isFalsy = (value: unknown) =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0);

function parsesTo(text: string, value: unknown): boolean {
  try {
    return isEqual(JSON.parse(text), value);
  } catch {
    return false;
  }
}

/** n8n's fuzzyCompare (version 1): tolerant of number/string/boolean representations. */
export function fuzzyCompare(useFuzzy: boolean): (a: unknown, b: unknown) => boolean {
  if (!useFuzzy) return isEqual;
  return (a, b) => {
    if (!isNull(a) && !isNull(b) && typeof a === typeof b) return isEqual(a, b);
    if (isFalsy(a) && isFalsy(b)) return true;
    if ((isFalsy(a) && b === undefined) || (a === undefined && isFalsy(b))) return true;
    if (typeof a === 'number' && typeof b === 'string') return a.toString() === b;
    if (typeof a === 'string' && typeof b === 'number') return a === b.toString();
    if (!isNull(a) && typeof a === 'object' && typeof b === 'string') return parsesTo(b, a);
    if (!isNull(b) && typeof a === 'string' && typeof b === 'object') return parsesTo(a, b);
    if (typeof a === 'boolean' && typeof b === 'string') {
      if ((a && b.toLocaleLowerCase() === 'true') || (!a && b.toLocaleLowerCase() === 'false')) return true;
      if ((a && b === '1') || (!a && b === '0')) return true;
    }
    if (typeof b === 'boolean' && typeof a === 'string') {
      if ((b && a.toLocaleLowerCase() === 'true') || (!b && a.toLocaleLowerCase() === 'false')) return true;
      if ((b && a === '1') || (!b && a === '0')) return true;
    }
    if (typeof a === 'boolean' && typeof b === 'number') return (a && b === 1) || (!a && b === 0);
    if (typeof b === 'boolean' && typeof a === 'number') return (b && a === 1) || (!b && a === 0);
    return isEqual(a, b);
  };
}

function fieldValue(json: JsonObject, field: string, disableDotNotation: boolean): unknown {
  return disableDotNotation ? json[field] : getPath(json, field);
}

export function findMatches(input1: Item[], input2: Item[], fields: FieldPair[], options: MatchOptions) {
  const equal = fuzzyCompare(options.fuzzyCompare ?? false);
  const noDots = options.disableDotNotation ?? false;
  const all = (options.multipleMatches ?? 'all') === 'all';
  const result = { matched: [] as EntryMatches[], matched2: [] as Item[], unmatched1: [] as Item[], unmatched2: [] as Item[] };
  const matchedInInput2 = new Set<number>();

  for (const entry1 of input1) {
    const lookup: JsonObject = {};
    for (const pair of fields) lookup[pair.field2] = fieldValue(entry1.json, pair.field1, noDots);
    if (Object.values(lookup).some((value) => value === undefined)) {
      result.unmatched1.push(entry1);
      continue;
    }
    const isMatch = (entry2: Item) =>
      entry2 !== undefined && Object.keys(lookup).every((key) => equal(lookup[key], fieldValue(entry2.json, key, noDots)));
    const indexes: number[] = [];
    if (all) input2.forEach((entry2, index) => isMatch(entry2) && indexes.push(index));
    else {
      const index = input2.findIndex(isMatch);
      if (index !== -1) indexes.push(index);
    }
    indexes.forEach((index) => matchedInInput2.add(index));
    const matches = indexes.map((index) => input2[index]);
    if (!matches.length) result.unmatched1.push(entry1);
    else if (options.outputDataFrom === 'both' || options.joinMode === 'enrichInput1' || options.joinMode === 'enrichInput2') {
      for (const match of matches) result.matched.push({ entry: entry1, matches: [match] });
    } else {
      result.matched.push({ entry: entry1, matches });
    }
  }
  input2.forEach((entry, index) => (matchedInInput2.has(index) ? result.matched2 : result.unmatched2).push(entry));
  return result;
}

type MergeFn = (target: Obj, ...sources: Array<Obj | undefined>) => Obj;

export function selectMergeMethod(clash: ClashResolveOptions): MergeFn {
  const mode = clash.mergeMode;
  if (clash.overrideEmpty) {
    const customizer = (targetValue: unknown, srcValue: unknown) =>
      srcValue === undefined || srcValue === null || srcValue === '' ? targetValue : undefined;
    if (mode === 'shallowMerge') return (target, ...sources) => assignWith({ ...target }, sources, customizer);
    if (mode === 'deepMerge') return (target, ...sources) => mergeWith({ ...target }, sources, customizer);
  } else if (mode === 'shallowMerge') {
    return (target, ...sources) => assignWith({}, [target, ...sources]);
  }
  return (target, ...sources) => merge({}, target, ...sources);
}

function combined(mergeFn: MergeFn, first: Item, rest: Item[]): Item {
  return {
    json: mergeFn({ ...first.json }, ...rest.map((item) => item.json)) as JsonObject,
    binary: mergeFn({ ...first.binary }, ...rest.map((item) => item.binary as Obj | undefined)) as Item['binary'],
    pairedItem: [first, ...rest].flatMap((item) => pairedItemList(item.pairedItem)) as PairedItem[],
  };
}

export function mergeMatched(matched: EntryMatches[], clash: ClashResolveOptions, joinMode?: string): Item[] {
  const mergeFn = selectMergeMethod(clash);
  let resolveClash = clash.resolveClash;
  if (resolveClash === undefined) resolveClash = joinMode !== 'enrichInput2' ? 'preferLast' : 'preferInput1';
  return matched.map(({ entry, matches }) => {
    if (resolveClash === 'addSuffix') {
      const [suffixed] = addSuffixToEntriesKeys([entry], '1');
      return combined(mergeFn, suffixed, addSuffixToEntriesKeys(matches, '2'));
    }
    if (resolveClash === 'preferInput1') {
      const [first, ...rest] = matches;
      return combined(mergeFn, first, [...rest, entry]);
    }
    if (resolveClash === 'preferLast') return combined(mergeFn, entry, matches);
    return { json: {}, binary: {}, pairedItem: [] };
  });
}

/** The "Fields to Match" pairs must all be filled in. */
export function checkMatchFieldsInput(pairs: JsonObject[]): FieldPair[] {
  if (pairs.length === 1 && pairs[0].field1 === '' && pairs[0].field2 === '') {
    throw new Error('You need to define at least one pair of fields in "Fields to Match" to match on');
  }
  for (const [index, pair] of pairs.entries()) {
    if (pair.field1 === '' || pair.field2 === '') {
      throw new Error(
        `You need to define both fields in "Fields to Match" for pair ${index + 1},\n\t\t\t\t field 1 = '${String(pair.field1)}'\n\t\t\t\t field 2 = '${String(pair.field2)}'`,
      );
    }
  }
  return pairs as unknown as FieldPair[];
}

/** Merge v2.0: every match field must occur in some item of the input. */
export function checkInput(input: Item[], fields: string[], disableDotNotation: boolean, label: string): Item[] {
  for (const field of fields) {
    const present = input.some((entry) =>
      disableDotNotation ? Object.hasOwn(entry.json, field) : getPath(entry.json, field) !== undefined,
    );
    if (!present) throw new Error(`Field '${field}' is not present in any of items in '${label}'`);
  }
  return input;
}
