// Removing items already seen in earlier executions (Remove Duplicates v2). n8n keeps this history
// in its processed-data table; here it lives in the workflow's static data, per node or per workflow.
import type { ExecuteContext, Item, JsonObject } from '../../engine/index.ts';
import { fail } from './params.ts';

const STORE_KEY = '__processedData';

interface History {
  entries?: string[];
  latestIncrementalKey?: number;
  latestDate?: string;
}

function history(ctx: ExecuteContext, scope: string): History {
  if (scope !== 'node' && scope !== 'workflow') {
    fail(ctx, `The scope '${scope}' is not supported. Please select either "node" or "workflow".`);
  }
  const data = ctx.getWorkflowStaticData(scope === 'node' ? 'node' : 'global');
  data[STORE_KEY] ??= {};
  return data[STORE_KEY] as History;
}

/** Groups items by their key (as a plain object does, so integer-like keys come first). */
function groupByKey(items: Item[], keyOf: (index: number) => string): Record<string, Item[]> {
  const groups: Record<string, Item[]> = {};
  items.forEach((item, index) => {
    const key = keyOf(index);
    (groups[key] ??= []).push(item);
  });
  return groups;
}

function split(groups: Record<string, Item[]>, isNew: (key: string) => boolean): Item[][] {
  const fresh: Item[] = [];
  const seen: Item[] = [];
  for (const [key, group] of Object.entries(groups)) (isNew(key) ? fresh : seen).push(...group);
  return [fresh, seen];
}

export function keepNewValues(ctx: ExecuteContext, items: Item[], scope: string, historySize: number, valueOf: (i: number) => unknown): Item[][] {
  const store = history(ctx, scope);
  const entries = (store.entries ??= []);
  if (entries.length + items.length > Number(historySize)) {
    fail(ctx, 'The number of items to be processed exceeds the maximum history size. Please increase the history size or reduce the number of items to be processed.');
  }
  const groups = groupByKey(items, (i) => String(valueOf(i) ?? ''));
  const known = new Set(entries);
  const result = split(groups, (key) => !known.has(key));
  for (const key of Object.keys(groups)) if (!known.has(key)) entries.push(key);
  if (historySize > 0 && entries.length > historySize) entries.splice(0, entries.length - historySize);
  return result;
}

export function keepHigherValues(ctx: ExecuteContext, items: Item[], scope: string, valueOf: (i: number) => unknown): Item[][] {
  const store = history(ctx, scope);
  const groups = groupByKey(items, (i) => {
    const value = valueOf(i);
    if (!String(value ?? '')) fail(ctx, 'The `Value to Dedupe` On is empty. Please provide a value.');
    const parsed = Number(value);
    if (Number.isNaN(parsed)) fail(ctx, `The value '${value}' is not a number. Please provide a number.`);
    return String(parsed);
  });
  const latest = store.latestIncrementalKey;
  const result = split(groups, (key) => latest === undefined || Number(key) > latest);
  const max = Math.max(...Object.keys(groups).map(Number), latest ?? -Infinity);
  store.latestIncrementalKey = max;
  return result;
}

export function keepLaterDates(ctx: ExecuteContext, items: Item[], scope: string, valueOf: (i: number) => unknown): Item[][] {
  const store = history(ctx, scope);
  const groups = groupByKey(items, (i) => {
    const value = String(valueOf(i) ?? '');
    if (!value) fail(ctx, 'The `Value to Dedupe` On is empty. Please provide a value.');
    if (Number.isNaN(Date.parse(value))) fail(ctx, `The value '${value}' is not a valid date. Please provide a valid date.`);
    return value;
  });
  const latest = store.latestDate ? Date.parse(store.latestDate) : undefined;
  const result = split(groups, (key) => latest === undefined || Date.parse(key) > latest);
  let newest = store.latestDate;
  for (const key of Object.keys(groups)) if (!newest || Date.parse(key) > Date.parse(newest)) newest = key;
  if (newest !== undefined) store.latestDate = newest;
  return result;
}

export function clearHistory(ctx: ExecuteContext, scope: string): void {
  const data = ctx.getWorkflowStaticData(scope === 'workflow' ? 'global' : 'node') as JsonObject;
  delete data[STORE_KEY];
}
