// Pairs items of input A with items of input B on the match fields and sorts them into the four
// outputs: in A only, same, different, in B only.
import type { Item, JsonObject } from '../../engine/index.ts';
import { pairedItemList } from '../transform-shared/items.ts';
import { getPath, setPath, unsetPath } from '../transform-shared/path.ts';
import { deepCopy, isEmptyValue } from '../transform-shared/values.ts';
import { entriesEqual } from './fuzzy-compare.ts';

export interface MatchField {
  field1: string;
  field2: string;
}

export interface CompareOptions {
  nodeVersion: number;
  fuzzyCompare: boolean;
  disableDotNotation: boolean;
  multipleMatches: string;
  skipFields: string[];
  resolve: string;
  preferWhenMix?: string;
  exceptWhenMix?: unknown;
}

type Equal = (a: unknown, b: unknown) => boolean;

export class CompareError extends Error {}

function matchesIn(data: Item[], lookup: JsonObject, all: boolean, options: CompareOptions, equal: Equal): number[] {
  const found: number[] = [];
  for (const [index, entry] of data.entries()) {
    const matches = Object.entries(lookup).every(([key, expected]) =>
      equal(expected, options.disableDotNotation ? entry.json[key] : getPath(entry.json, key)),
    );
    if (!matches) continue;
    found.push(index);
    if (!all) break;
  }
  return found;
}

function withoutSkipped(json: JsonObject, options: CompareOptions): JsonObject {
  const { skipFields, disableDotNotation } = options;
  if (disableDotNotation || !skipFields.some((field) => field.includes('.'))) {
    return Object.fromEntries(Object.entries(json).filter(([key]) => !skipFields.includes(key)));
  }
  const copy = deepCopy(json);
  for (const field of skipFields) unsetPath(copy, field);
  return copy;
}

export function findMatches(input1: Item[], input2: Item[], fields: MatchField[], options: CompareOptions): Item[][] {
  const equal = entriesEqual(options.fuzzyCompare, options.nodeVersion);
  const { disableDotNotation, skipFields } = options;
  if (disableDotNotation && skipFields.some((field) => field.includes('.'))) {
    const field = skipFields.find((entry) => entry.includes('.'));
    throw new CompareError(`Dot notation is disabled, but field to skip comparing '${field}' contains dot`);
  }
  const onlyA: Item[] = [];
  const matched: Array<{ entry: Item; matches: Item[] }> = [];
  const matchedInB = new Set<number>();
  for (const entry of input1) {
    const lookup: JsonObject = {};
    for (const { field1, field2 } of fields) {
      lookup[field2] = disableDotNotation ? entry.json[field1] : getPath(entry.json, field1);
    }
    if (Object.values(lookup).some((value) => value === undefined)) {
      onlyA.push(entry);
      continue;
    }
    const found = matchesIn(input2, lookup, options.multipleMatches === 'all', options, equal);
    found.forEach((index) => matchedInB.add(index));
    if (found.length) matched.push({ entry, matches: found.map((index) => input2[index]) });
    else onlyA.push(entry);
  }
  const onlyB = input2.filter((_, index) => !matchedInB.has(index));

  const same: Item[] = [];
  const different: Item[] = [];
  for (const { entry, matches } of matched) {
    let sameEntry: Item | undefined;
    for (const match of matches) {
      const a = skipFields.length ? withoutSkipped(entry.json, options) : entry.json;
      const b = skipFields.length ? withoutSkipped(match.json, options) : match.json;
      const isSame = options.fuzzyCompare ? Object.keys(a).every((key) => equal(a[key], b[key])) : equal(a, b);
      if (isSame) {
        sameEntry ??= options.fuzzyCompare && options.resolve === 'preferInput2' ? match : entry;
        continue;
      }
      if (options.resolve === 'preferInput1') different.push(entry);
      else if (options.resolve === 'preferInput2') different.push(match);
      else if (options.resolve === 'mix') different.push(combineItems(entry, match, options));
      else different.push(compareItems(entry, match, fields, options, equal));
    }
    if (sameEntry && !isEmptyValue(sameEntry)) same.push(sameEntry);
  }
  return [onlyA, same, different, onlyB];
}

/** "Mix": one input's version, with the listed fields taken from the other input. */
function combineItems(item1: Item, item2: Item, options: CompareOptions): Item {
  const [entry, match] = options.preferWhenMix === 'input1' ? [item1, item2] : [item2, item1];
  const except = options.exceptWhenMix;
  const fields = Array.isArray(except) && except.length
    ? (except as string[])
    : except ? String(except).split(',').map((field) => field.trim()) : [];
  const json = { ...entry.json };
  for (const field of fields) {
    json[field] = options.disableDotNotation ? match.json[field] : (getPath(match.json, field) ?? null);
  }
  return { ...entry, json };
}

function nullish(version: number, value: unknown): unknown {
  return version >= 2 ? (value === undefined ? null : value) : value || null;
}

/** "Include both versions": keys, same fields, and each differing field from both inputs. */
function compareItems(item1: Item, item2: Item, fields: MatchField[], options: CompareOptions, equal: Equal): Item {
  const keys: JsonObject = {};
  for (const { field1 } of fields) keys[field1] = item1.json[field1];
  const keys1 = Object.keys(item1.json);
  const keys2 = Object.keys(item2.json);
  const allKeys = [...new Set([...keys1, ...keys2])];
  const toCompare = options.fuzzyCompare && options.nodeVersion >= 2.1 ? allKeys : keys1.filter((key) => keys2.includes(key));
  const same: JsonObject = {};
  for (const key of [...new Set(toCompare)]) if (equal(item1.json[key], item2.json[key])) same[key] = item1.json[key];
  const [nameA, nameB] = options.nodeVersion >= 2 ? ['inputA', 'inputB'] : ['input1', 'input2'];
  const different: JsonObject = {};
  const skipped: Record<string, JsonObject> = {};
  allKeys.filter((key) => !Object.prototype.hasOwnProperty.call(same, key)).forEach((key, i) => {
    let a = nullish(options.nodeVersion, item1.json[key]);
    let b = nullish(options.nodeVersion, item2.json[key]);
    if (options.nodeVersion >= 2.1 && !options.disableDotNotation && !options.skipFields.includes(key)) {
      const nested = options.skipFields.filter((field) => field.startsWith(key) && field.includes('.'));
      a = deepCopy(a);
      b = deepCopy(b);
      if (nested.length && (typeof a !== 'object' || typeof b !== 'object')) {
        throw new CompareError(`The field '${key}' in item ${i} is not an object. It is not possible to use dot notation.`);
      }
      if (nested.length) skipped[key] ??= { [nameA]: {}, [nameB]: {} };
      for (const field of nested) {
        const path = field.replace(`${key}.`, '');
        setPath(skipped[key][nameA] as JsonObject, path, getPath(a, path));
        setPath(skipped[key][nameB] as JsonObject, path, getPath(b, path));
        unsetPath(a, path);
        unsetPath(b, path);
      }
      different[key] = { [nameA]: a, [nameB]: b };
    } else if (options.skipFields.includes(key)) {
      skipped[key] = { [nameA]: a, [nameB]: b };
    } else {
      different[key] = { [nameA]: a, [nameB]: b };
    }
  });
  return {
    json: { keys, same, different, ...(Object.keys(skipped).length ? { skipped } : {}) },
    pairedItem: [...pairedItemList(item1.pairedItem), ...pairedItemList(item2.pairedItem)],
  };
}
