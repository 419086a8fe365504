// The Record operations of n8n's Airtable node v2/2.1, with n8n's outputs: create, update and upsert
// give Airtable's records as they are (`{id, createdTime, fields}`), get and search flatten the
// fields beside id and createdTime, delete gives `{id, deleted}`.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { AirtableApiError, type AirtableApi } from './airtable-api.ts';
import { recordsWithAttachments } from './airtable-attachments.ts';
import { columnValues, columnsMode, findMatches, flattenRecord, locatorValue, removeIgnored, type AirtableRecord } from './airtable-params.ts';

export interface RecordTarget { base: string; table: string }
type RecordOperation = (ctx: ExecuteContext, api: AirtableApi, items: Item[], target: RecordTarget) => Promise<Item[]>;

/** n8n's processAirtableError: an unknown record id is named as such. */
export function explainAirtableError(error: unknown, id?: string): unknown {
  if (!(error instanceof NodeOperationError) || !id) return error;
  const description = error.details.description ?? '';
  if (description === 'NOT_FOUND' || description.includes('You must provide an array of up to 10 record objects')) {
    error.details.description = `${id} is not a valid Record ID`;
  }
  return error;
}

/** The error item of create, update, upsert and search on continue-on-fail: `{message, error}`. */
function detailedErrorItem(error: unknown, itemIndex: number): Item {
  const details: JsonObject = { message: errorMessage(error) };
  if (error instanceof NodeOperationError && error.details.description) details.description = error.details.description;
  if (error instanceof AirtableApiError) details.httpCode = String(error.httpCode);
  return { json: { message: errorMessage(error), error: details }, pairedItem: { item: itemIndex } };
}

const wrap = (records: JsonObject[], itemIndex: number): Item[] => records.map((json) => ({ json, pairedItem: { item: itemIndex } }));

/** Airtable takes at most 10 records a request: PATCH them in batches and join the answers. */
async function batchUpdate(api: AirtableApi, path: string, body: JsonObject, records: JsonObject[], itemIndex: number): Promise<JsonObject[]> {
  const updated: JsonObject[] = [];
  for (let start = 0; start < records.length; start += 10) {
    const answer = await api.request({ method: 'PATCH', path, body: { ...body, records: records.slice(start, start + 10) } }, itemIndex);
    updated.push(...((answer.records as JsonObject[] | undefined) ?? []));
  }
  return updated;
}

const typecastOf = (options: JsonObject) => Boolean(options.typecast);

const create: RecordOperation = async (ctx, api, items, { base, table }) => {
  const output: Item[] = [];
  const { mappingMode } = columnsMode(ctx);
  for (let i = 0; i < items.length; i++) {
    try {
      const options = collection(ctx, 'options', i);
      const typecast = typecastOf(options);
      const fields = mappingMode === 'autoMapInputData' ? removeIgnored(items[i].json, options.ignoreFields) : columnValues(ctx, i, typecast);
      const record = await api.request({ method: 'POST', path: `${base}/${table}`, body: { typecast, fields } }, i);
      output.push(...wrap([record], i));
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      output.push(detailedErrorItem(error, i));
    }
  }
  return output;
};

const update: RecordOperation = async (ctx, api, items, { base, table }) => {
  const output: Item[] = [];
  const path = `${base}/${table}`;
  const { mappingMode, matchingColumns } = columnsMode(ctx);
  const byId = matchingColumns.includes('id');
  // Matching on other columns needs the table's records (only those columns) once for all items.
  const tableRecords = byId ? [] : ((await api.requestAllRecords(path, { fields: matchingColumns }, 0)) as unknown as AirtableRecord[]);
  for (let i = 0; i < items.length; i++) {
    let recordId = '';
    try {
      const options = collection(ctx, 'options', i);
      const typecast = typecastOf(options);
      const records: JsonObject[] = [];
      if (mappingMode === 'autoMapInputData') {
        if (byId) {
          const { id, ...fields } = items[i].json;
          recordId = String(id ?? '');
          records.push({ id: recordId, fields: removeIgnored(fields, options.ignoreFields) });
        } else {
          for (const match of findMatches(ctx, tableRecords, matchingColumns, items[i].json, Boolean(options.updateAllMatches), i)) {
            records.push({ id: match.id, fields: removeIgnored(items[i].json, options.ignoreFields) });
          }
        }
      } else {
        const values = columnValues(ctx, i, typecast);
        if (byId) {
          const { id, ...fields } = values;
          recordId = String(id ?? '');
          records.push({ id: recordId, fields });
        } else {
          for (const match of findMatches(ctx, tableRecords, matchingColumns, values, Boolean(options.updateAllMatches), i)) {
            records.push({ id: match.id, fields: removeIgnored(values, matchingColumns) });
          }
        }
      }
      output.push(...wrap(await batchUpdate(api, path, { typecast }, records, i), i));
    } catch (error) {
      explainAirtableError(error, recordId);
      if (!ctx.continueOnFail()) throw error;
      output.push(detailedErrorItem(error, i));
    }
  }
  return output;
};

/** Quotes a value for a formula the way n8n writes it: `{column} = 'value'`. */
const formulaCondition = (column: string, value: unknown) => `{${column}} = '${String(value)}'`;

const upsert: RecordOperation = async (ctx, api, items, { base, table }) => {
  const output: Item[] = [];
  const path = `${base}/${table}`;
  const { mappingMode, matchingColumns } = columnsMode(ctx);
  const byId = matchingColumns.includes('id');
  for (let i = 0; i < items.length; i++) {
    try {
      const options = collection(ctx, 'options', i);
      const records: Array<{ id?: string; fields: JsonObject }> = [];
      if (mappingMode === 'autoMapInputData') {
        if (byId) {
          const { id, ...fields } = items[i].json;
          records.push({ id: String(id ?? ''), fields: removeIgnored(fields, options.ignoreFields) });
        } else {
          records.push({ fields: removeIgnored(items[i].json, options.ignoreFields) });
        }
      } else {
        // n8n validates upsert values always (it never skips for Typecast here).
        const fields = columnValues(ctx, i, false);
        if (byId) {
          const id = String(fields.id ?? '');
          delete fields.id;
          records.push({ id, fields });
        } else {
          records.push({ fields });
        }
      }
      const body: JsonObject = { typecast: typecastOf(options) };
      if (!byId) body.performUpsert = { fieldsToMergeOn: matchingColumns };
      let answer: JsonObject[];
      try {
        answer = await batchUpdate(api, path, body, records, i);
      } catch (error) {
        const description = error instanceof NodeOperationError ? error.details.description ?? '' : '';
        if (error instanceof AirtableApiError && error.httpCode === 422 && byId) {
          // No record with that id: create it instead.
          const created = await api.request({ method: 'POST', path, body: { ...body, records: records.map(({ fields }) => ({ fields })) } }, i);
          answer = (created.records as JsonObject[] | undefined) ?? [];
        } else if (description.includes('Cannot update more than one record')) {
          // Several records share the merge values: find them and update the first (or all).
          const conditions = matchingColumns.map((column) => formulaCondition(column, records[0].fields[column])).join(',');
          const matches = (await api.requestAllRecords(path, { fields: matchingColumns, filterByFormula: `AND(${conditions})` }, i)) as unknown as AirtableRecord[];
          const targets = options.updateAllMatches ? matches : matches.slice(0, 1);
          answer = await batchUpdate(api, path, body, targets.map(({ id }) => ({ id, fields: records[0].fields })), i);
        } else {
          throw error;
        }
      }
      output.push(...wrap(answer, i));
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      output.push(detailedErrorItem(error, i));
    }
  }
  return output;
};

const deleteRecord: RecordOperation = async (ctx, api, items, { base, table }) => {
  const output: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    let id = '';
    try {
      id = String(param<unknown>(ctx, 'id', i, '') ?? '');
      output.push(...wrap([await api.request({ method: 'DELETE', path: `${base}/${table}/${id}` }, i)], i));
    } catch (error) {
      explainAirtableError(error, id);
      if (!ctx.continueOnFail()) throw error;
      output.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
    }
  }
  return output;
};

const get: RecordOperation = async (ctx, api, items, { base, table }) => {
  const output: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    let id = '';
    try {
      id = String(param<unknown>(ctx, 'id', i, '') ?? '');
      const record = await api.request({ method: 'GET', path: `${base}/${table}/${id}` }, i);
      // n8n reads the options of the first item for every item.
      const downloadFields = collection(ctx, 'options', 0).downloadFields as string[] | string | undefined;
      if (downloadFields && downloadFields.length) {
        output.push(...(await recordsWithAttachments(ctx, api, [record], downloadFields, { item: i }, i)));
        continue;
      }
      output.push({ json: flattenRecord(record), pairedItem: { item: i } });
    } catch (error) {
      explainAirtableError(error, id);
      if (!ctx.continueOnFail()) throw error;
      output.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
    }
  }
  return output;
};

const search: RecordOperation = async (ctx, api, items, { base, table }) => {
  const output: Item[] = [];
  const path = `${base}/${table}`;
  // 2.1 searches once per item; 2 searched once, its results paired with every input item.
  const perItem = ctx.node.typeVersion >= 2.1;
  const runs = perItem ? items.length : Math.min(items.length, 1);
  const allPaired = items.map((_, item) => ({ item }));
  for (let i = 0; i < runs; i++) {
    try {
      const options = collection(ctx, 'options', i);
      const sort = collection(ctx, 'sort', i);
      const filterByFormula = String(param<unknown>(ctx, 'filterByFormula', i, '') ?? '');
      const query: JsonObject = {};
      if (filterByFormula) query.filterByFormula = filterByFormula;
      if (options.fields) {
        query.fields = typeof options.fields === 'string' ? options.fields.split(',').map((field) => field.trim()) : options.fields;
      }
      if (Array.isArray(sort.property) && sort.property.length) query.sort = sort.property;
      if (options.view) query.view = locatorValue(ctx, 'view', options.view, i);
      let records: JsonObject[];
      if (param(ctx, 'returnAll', i, true)) {
        records = await api.requestAllRecords(path, query, i);
      } else {
        query.maxRecords = param(ctx, 'limit', i, 100);
        records = ((await api.request({ method: 'GET', path, query }, i)).records as JsonObject[] | undefined) ?? [];
      }
      const pairedItem = perItem ? { item: i } : allPaired;
      const downloadFields = options.downloadFields as string[] | string | undefined;
      if (downloadFields && downloadFields.length) {
        output.push(...(await recordsWithAttachments(ctx, api, records, downloadFields, pairedItem, i)));
        continue;
      }
      output.push(...records.map((record) => ({ json: flattenRecord(record), pairedItem })));
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      output.push(detailedErrorItem(error, i));
    }
  }
  return output;
};

export const RECORD_OPERATIONS: Record<string, RecordOperation> = { create, update, upsert, deleteRecord, get, search };
