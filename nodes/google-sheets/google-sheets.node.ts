// Google Sheets (n8n-nodes-base.googleSheets): V2 (3, 4, 4.1 … 4.7) and the legacy V1 (1, 2), on the
// Sheets API v4 through the HTTP Request node's transport. Reads give one item per row keyed by the
// header row with `row_number`; writes run once over all items, as n8n's do.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { batchUpdateSpreadsheet, clearValues, deleteSpreadsheetFile, getValues, sheetList, sheetsRequest, type SheetsClient } from './sheets-api.ts';
import { columnLetter, columnNumber, headerKeys, rowsAbove, lookupRows, quotedSheet, rowsToObjects, sheetReferenceOf, spreadsheetIdOf, type LookupFilter } from './sheets-data.ts';
import { runWrite, type SheetTarget } from './sheets-v2-write.ts';
import { runV1 } from './sheets-v1.ts';
import { sheetsCredentials, sheetsV1Properties, sheetsV2Properties } from './google-sheets.description.ts';
import { googleSheetsMethods } from './google-sheets-methods.ts';

async function resolveSheet(client: SheetsClient, itemIndex: number): Promise<SheetTarget & { rowCount: number }> {
  const { ctx } = client;
  const spreadsheetId = spreadsheetIdOf(param<unknown>(ctx, 'documentId', itemIndex, ''));
  if (!spreadsheetId) throw new NodeOperationError(ctx.node.name, 'No document was chosen', { itemIndex });
  const reference = sheetReferenceOf(param<unknown>(ctx, 'sheetName', itemIndex, ''));
  const sheets = await sheetList(client, spreadsheetId);
  const found = 'title' in reference
    ? sheets.find((sheet) => sheet.title === reference.title)
    : sheets.find((sheet) => String(sheet.sheetId) === reference.gid);
  if (!found) {
    const what = 'title' in reference ? `Sheet with name ${reference.title}` : `Sheet with ID ${reference.gid}`;
    throw new NodeOperationError(ctx.node.name, `${what} not found`, { itemIndex });
  }
  return { spreadsheetId, sheetId: found.sheetId, title: found.title, rowCount: found.gridProperties?.rowCount ?? 1000 };
}

async function read(client: SheetsClient, target: SheetTarget, itemIndex: number): Promise<Item[]> {
  const { ctx } = client;
  const version = ctx.node.typeVersion;
  const options = collection(ctx, 'options', itemIndex);
  const location = ((options.dataLocationOnSheet as JsonObject | undefined)?.values as JsonObject | undefined) ?? {};
  const formatting = ((options.outputFormatting as JsonObject | undefined)?.values as JsonObject | undefined) ?? {};
  let range = quotedSheet(target.title);
  let headerRow = 1;
  let firstDataRow = 2;
  let rowOffset = 0;
  if (location.rangeDefinition === 'specifyRangeA1' && location.range) {
    range = `${range}!${String(location.range)}`;
    rowOffset = rowsAbove(String(location.range));
  }
  if (location.rangeDefinition === 'specifyRange') {
    headerRow = Number(location.headerRow ?? 1);
    firstDataRow = Number(location.firstDataRow ?? 2);
  }
  const grid = await getValues(client, target.spreadsheetId, range, String(formatting.general || 'UNFORMATTED_VALUE'), String(formatting.date || 'FORMATTED_STRING'));
  if (grid.length === 0) return [];
  const rows = rowsToObjects(grid, headerRow, firstDataRow, rowOffset);
  const filters = (collection(ctx, 'filtersUI', itemIndex).values as LookupFilter[] | undefined) ?? [];
  let output = rows;
  if (filters.length) {
    const all = version < 4.5 ? options.returnAllMatches === 'returnAllMatches' : options.returnFirstMatch !== true;
    const combine = param(ctx, 'combineFilters', itemIndex, version >= 4.3 ? 'AND' : 'OR') === 'AND' ? 'AND' : 'OR';
    const header = headerKeys(grid, headerRow);
    try {
      output = lookupRows(rows, header, filters, combine, all);
    } catch (error) {
      throw new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex });
    }
  }
  return output.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

async function clear(client: SheetsClient, target: SheetTarget & { rowCount: number }, itemIndex: number): Promise<void> {
  const { ctx } = client;
  const sheet = quotedSheet(target.title);
  const what = param(ctx, 'clear', itemIndex, 'wholeSheet');
  let range = sheet;
  if (what === 'wholeSheet' && param(ctx, 'keepFirstRow', itemIndex, false)) range = `${sheet}!2:${Math.max(target.rowCount, 2)}`;
  if (what === 'specificRows') {
    const start = Number(param(ctx, 'startIndex', itemIndex, 1));
    range = `${sheet}!${start}:${start + Number(param(ctx, 'rowsToDelete', itemIndex, 1)) - 1}`;
  }
  if (what === 'specificColumns') {
    const start = String(param(ctx, 'startIndex', itemIndex, 'A'));
    const last = columnNumber(start) + Number(param(ctx, 'columnsToDelete', itemIndex, 1)) - 1;
    range = `${sheet}!${start}:${columnLetter(last)}`;
  }
  if (what === 'specificRange') range = `${sheet}!${String(param(ctx, 'range', itemIndex, 'A1:F'))}`;
  await clearValues(client, target.spreadsheetId, range);
}

async function deleteDimension(client: SheetsClient, target: SheetTarget, itemIndex: number): Promise<void> {
  const { ctx } = client;
  const rows = param(ctx, 'toDelete', itemIndex, 'rows') === 'rows';
  const start = rows ? Number(param(ctx, 'startIndex', itemIndex, 2)) : columnNumber(String(param(ctx, 'startIndex', itemIndex, 'A')));
  const count = Number(param(ctx, 'numberToDelete', itemIndex, 1));
  await batchUpdateSpreadsheet(client, target.spreadsheetId, [{ deleteDimension: { range: {
    sheetId: target.sheetId, dimension: rows ? 'ROWS' : 'COLUMNS', startIndex: start - 1, endIndex: start - 1 + count } } }]);
}

/** spreadsheets.create per item; the new spreadsheet as Google answers it. */
async function createSpreadsheets(client: SheetsClient, items: Item[]): Promise<Item[]> {
  const { ctx } = client;
  const output: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const options = collection(ctx, 'options', i);
    const sheets = ((collection(ctx, 'sheetsUi', i).sheetValues as JsonObject[] | undefined) ?? [])
      .map((sheet) => ({ properties: { title: sheet.title, hidden: sheet.hidden === true } }));
    const properties: JsonObject = { title: param(ctx, 'title', i, '') };
    if (options.locale) properties.locale = options.locale;
    if (options.autoRecalc) properties.autoRecalc = options.autoRecalc;
    const answer = await sheetsRequest(client, 'POST', '/v4/spreadsheets', { properties, ...(sheets.length ? { sheets } : {}) });
    output.push({ json: answer, pairedItem: { item: i } });
  }
  return output;
}

/** Drive's files.delete per item (the document's id from its locator); `{success: true}` as n8n outputs. */
async function deleteSpreadsheets(client: SheetsClient, items: Item[]): Promise<Item[]> {
  const { ctx } = client;
  const output: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const spreadsheetId = spreadsheetIdOf(param<unknown>(ctx, 'documentId', i, ''));
      if (!spreadsheetId) throw new NodeOperationError(ctx.node.name, 'No document given to delete', { itemIndex: i });
      await deleteSpreadsheetFile(client, spreadsheetId);
      output.push({ json: { success: true }, pairedItem: { item: i } });
    } catch (error) {
      if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, i);
      output.push({ json: { error: errorMessage(serviceCallError(ctx.node.name, error, i)) }, pairedItem: { item: i } });
    }
  }
  return output;
}

const SUPPORTED = ['append', 'appendOrUpdate', 'update', 'read', 'clear', 'delete', 'remove', 'create'];

async function runV2(client: SheetsClient, items: Item[]): Promise<Item[]> {
  const { ctx } = client;
  const resource = param(ctx, 'resource', 0, 'sheet');
  const operation = param(ctx, 'operation', 0, resource === 'sheet' ? 'read' : 'create');
  if (resource === 'spreadsheet' && operation === 'create') return createSpreadsheets(client, items);
  if (resource === 'spreadsheet' && operation === 'deleteSpreadsheet') return deleteSpreadsheets(client, items);
  if (resource !== 'sheet' || !SUPPORTED.includes(operation)) {
    throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`);
  }
  if (operation === 'create') {
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      const spreadsheetId = spreadsheetIdOf(param<unknown>(ctx, 'documentId', i, ''));
      const answer = await batchUpdateSpreadsheet(client, spreadsheetId, [{ addSheet: { properties: { title: param(ctx, 'title', i, 'n8n-sheet') } } }]);
      const properties = ((answer.replies as JsonObject[] | undefined)?.[0]?.addSheet as JsonObject | undefined)?.properties as JsonObject | undefined;
      output.push({ json: properties ?? {}, pairedItem: { item: i } });
    }
    return output;
  }
  if (operation === 'append' || operation === 'update' || operation === 'appendOrUpdate') {
    return runWrite(client, operation, await resolveSheet(client, 0), items);
  }
  const output: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const target = await resolveSheet(client, i);
      if (operation === 'read') output.push(...await read(client, target, i));
      else {
        if (operation === 'clear') await clear(client, target, i);
        if (operation === 'delete') await deleteDimension(client, target, i);
        if (operation === 'remove') await batchUpdateSpreadsheet(client, target.spreadsheetId, [{ deleteSheet: { sheetId: target.sheetId } }]);
        output.push({ json: operation === 'remove' ? { success: true } : items[i].json, pairedItem: { item: i } });
      }
    } catch (error) {
      if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, i);
      output.push({ json: { error: errorMessage(serviceCallError(ctx.node.name, error, i)) }, pairedItem: { item: i } });
    }
  }
  return output;
}

async function execute(ctx: ExecuteContext, legacy: boolean): Promise<Item[][]> {
  const items = ctx.getInputData();
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client: SheetsClient = { ctx, transport };
  try {
    // V1's only Spreadsheet operation is create, which works as V2's does.
    if (legacy && param(ctx, 'resource', 0, 'sheet') === 'spreadsheet') return [await createSpreadsheets(client, items)];
    return [legacy ? await runV1(client, items) : await runV2(client, items)];
  } catch (error) {
    // Writes go to the sheet in one batch; like n8n, their failure is one output item.
    if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, 0);
    return [[{ json: { error: errorMessage(serviceCallError(ctx.node.name, error, 0)) }, pairedItem: { item: 0 } }]];
  } finally {
    await transport.close();
  }
}

const base = {
  name: 'n8n-nodes-base.googleSheets',
  displayName: 'Google Sheets',
  icon: 'fa:table',
  group: ['input', 'output'],
  description: 'Read, update and write data to Google Sheets',
  defaults: { name: 'Google Sheets' },
  inputs: ['main'],
  outputs: ['main'],
  credentials: sheetsCredentials,
};

export const googleSheetsNode: NodeType = {
  methods: googleSheetsMethods,
  description: { ...base, version: [3, 4, 4.1, 4.2, 4.3, 4.4, 4.5, 4.6, 4.7], properties: sheetsV2Properties },
  execute: (ctx) => execute(ctx, false),
};

export const googleSheetsNodeV1: NodeType = {
  description: { ...base, version: [1, 2], properties: sheetsV1Properties },
  execute: (ctx) => execute(ctx, true),
};
