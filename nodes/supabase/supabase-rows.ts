// The row operations of n8n's Supabase node, one function each: what they send to PostgREST for
// the items, and the items they output (one per row answered, paired with the input item).
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject } from '../../engine/index.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { fixedValues, param } from '../shared/params.ts';
import { callSupabase, SupabaseApiError, type SupabaseCall, type SupabaseCredentials, type SupabaseRequest } from './supabase-api.ts';
import { allConditionsQuery, conditionList, equalsQuery, type SupabaseCondition } from './supabase-filters.ts';

/** Supabase answers at most this many rows per request by default (its max-rows); a full page means more may follow. */
export const PAGE_SIZE = 1000;

export interface RowContext {
  ctx: ExecuteContext;
  credentials: SupabaseCredentials;
  call: (itemIndex?: number) => SupabaseCall;
  table: string;
}

const rowsOf = (answer: unknown): JsonObject[] => (Array.isArray(answer) ? (answer as JsonObject[]) : answer && typeof answer === 'object' ? [answer as JsonObject] : []);
const paired = (rows: JsonObject[], item: number): Item[] => rows.map((json) => ({ json, pairedItem: { item } }));

/** The columns to write for an item: its own fields (less the ignored ones) or the fields set below. */
function recordOf(ctx: ExecuteContext, item: Item, itemIndex: number): JsonObject {
  const record: JsonObject = {};
  if (param(ctx, 'dataToSend', 0, 'defineBelow') === 'autoMapInputData') {
    const ignored = param(ctx, 'inputsToIgnore', itemIndex, '').split(',').map((name) => name.trim());
    for (const [key, value] of Object.entries(item.json)) if (!ignored.includes(key)) record[key] = value;
    return record;
  }
  for (const field of fixedValues(ctx, 'fieldsUi', 'fieldValues', itemIndex)) record[String(field.fieldId ?? '')] = field.fieldValue;
  return record;
}

/** The filter of update and delete, which must select something when built by hand. */
function selection(ctx: ExecuteContext, table: string, method: 'PATCH' | 'DELETE', itemIndex: number): SupabaseRequest {
  const request: SupabaseRequest = { method, path: `/${table}` };
  const filterType = param(ctx, 'filterType', 0, 'manual');
  if (filterType === 'manual') {
    const conditions = fixedValues(ctx, 'filters', 'conditions', itemIndex) as SupabaseCondition[];
    if (!conditions.length) throw new NodeOperationError(ctx.node.name, 'At least one select condition must be defined', { itemIndex });
    request.query = param(ctx, 'matchType', 0, 'anyFilter') === 'allFilters' ? allConditionsQuery(conditions) : [['or', conditionList(conditions)]];
  }
  if (filterType === 'string') request.filterString = param(ctx, 'filterString', itemIndex, '');
  return request;
}

/** How n8n words a failure on the item: PostgREST's message (row:get keeps the status wording). */
function failureText(nodeName: string, error: unknown, itemIndex: number, useMessage = false): string {
  if (error instanceof SupabaseApiError) return useMessage ? error.message : error.serviceMessage;
  return serviceCallError(nodeName, error, itemIndex).message;
}

async function guarded(rc: RowContext, itemIndex: number, run: () => Promise<Item[]>, useMessage = false): Promise<Item[]> {
  try {
    return await run();
  } catch (error) {
    if (!rc.ctx.continueOnFail() || error instanceof NodeOperationError && !(error instanceof SupabaseApiError)) throw error;
    return [{ json: { error: failureText(rc.ctx.node.name, error, itemIndex, useMessage) }, pairedItem: { item: itemIndex } }];
  }
}

/** All items' records go in one insert; row n of the answer pairs with item n. */
export async function createRows(rc: RowContext, items: Item[]): Promise<Item[]> {
  const records = items.map((item, itemIndex) => recordOf(rc.ctx, item, itemIndex));
  try {
    const rows = rowsOf(await callSupabase(rc.call(), rc.credentials, { method: 'POST', path: `/${rc.table}`, body: records }));
    return rows.map((json, index) => ({ json, pairedItem: { item: index } }));
  } catch (error) {
    if (!rc.ctx.continueOnFail()) throw error;
    return [{ json: { error: failureText(rc.ctx.node.name, error, 0) }, pairedItem: items.map((_, item) => ({ item })) }];
  }
}

export async function deleteRows(rc: RowContext, itemIndex: number): Promise<Item[]> {
  const request = selection(rc.ctx, rc.table, 'DELETE', itemIndex);
  return guarded(rc, itemIndex, async () => paired(rowsOf(await callSupabase(rc.call(itemIndex), rc.credentials, request)), itemIndex));
}

export async function updateRows(rc: RowContext, item: Item, itemIndex: number): Promise<Item[]> {
  const request = { ...selection(rc.ctx, rc.table, 'PATCH', itemIndex), body: recordOf(rc.ctx, item, itemIndex) };
  return guarded(rc, itemIndex, async () => paired(rowsOf(await callSupabase(rc.call(itemIndex), rc.credentials, request)), itemIndex));
}

export async function getRow(rc: RowContext, itemIndex: number): Promise<Item[]> {
  const conditions = fixedValues(rc.ctx, 'filters', 'conditions', itemIndex) as SupabaseCondition[];
  if (!conditions.length) throw new NodeOperationError(rc.ctx.node.name, 'At least one select condition must be defined', { itemIndex });
  const request: SupabaseRequest = { method: 'GET', path: `/${rc.table}`, query: equalsQuery(conditions) };
  return guarded(rc, itemIndex, async () => paired(rowsOf(await callSupabase(rc.call(itemIndex), rc.credentials, request)), itemIndex), true);
}

/** Rows matching the filter; with Return All, pages of PAGE_SIZE by offset until a short page. */
export async function getManyRows(rc: RowContext, itemIndex: number): Promise<Item[]> {
  const { ctx } = rc;
  const returnAll = param(ctx, 'returnAll', 0, false);
  const limit = returnAll ? Infinity : Number(param(ctx, 'limit', 0, 50));
  const base: SupabaseRequest = { method: 'GET', path: `/${rc.table}`, query: [] };
  const filterType = param(ctx, 'filterType', 0, 'manual');
  if (filterType === 'manual') {
    const conditions = fixedValues(ctx, 'filters', 'conditions', itemIndex) as SupabaseCondition[];
    if (conditions.length) base.query = [[param(ctx, 'matchType', 0, 'anyFilter') === 'allFilters' ? 'and' : 'or', conditionList(conditions)]];
  }
  if (filterType === 'string') base.filterString = param(ctx, 'filterString', itemIndex, '');
  return guarded(rc, itemIndex, async () => {
    const rows: JsonObject[] = [];
    for (;;) {
      const page: Array<[string, string]> = [...(base.query ?? [])];
      if (!returnAll) page.push(['limit', String(limit - rows.length)]);
      if (rows.length) page.push(['offset', String(rows.length)]);
      const answer = rowsOf(await callSupabase(rc.call(itemIndex), rc.credentials, { ...base, query: page }));
      rows.push(...answer);
      if (answer.length < PAGE_SIZE || rows.length >= limit) return paired(rows, itemIndex);
    }
  });
}
