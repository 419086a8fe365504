// V2's writing operations: append, update and appendOrUpdate. Rows are built from the `columns`
// resource mapper (from 4) or V3's data mode, ordered by the header row; new fields become new
// columns unless told otherwise; updates find the row by the matching column's value.
import { NodeOperationError, type Item, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { appendValues, batchUpdateSpreadsheet, batchUpdateValues, getValues, updateValues, type Cell, type SheetsClient } from './sheets-api.ts';
import { cellText, columnLetter, quotedSheet, toCell } from './sheets-data.ts';

export interface SheetTarget { spreadsheetId: string; sheetId: number; title: string }

function mappingMode(client: SheetsClient, itemIndex: number): string {
  const { ctx } = client;
  if (ctx.node.typeVersion < 4) return param(ctx, 'dataMode', itemIndex, 'defineBelow');
  const columns = param<JsonObject>(ctx, 'columns', itemIndex, { mappingMode: 'defineBelow', value: null });
  return String(columns.mappingMode ?? 'defineBelow');
}

/** The fields an item writes: its JSON (auto-map) or the mapped columns. */
function rowData(client: SheetsClient, item: Item, itemIndex: number, mode: string): JsonObject {
  const { ctx } = client;
  if (mode === 'autoMapInputData') return { ...item.json };
  if (ctx.node.typeVersion < 4) {
    const fields = (collection(ctx, 'fieldsUi', itemIndex).values as JsonObject[] | undefined) ?? [];
    return Object.fromEntries(fields.map((field) => [String(field.column ?? field.fieldId ?? ''), field.fieldValue ?? '']));
  }
  const columns = param<JsonObject>(ctx, 'columns', itemIndex, {});
  const value = columns.value && typeof columns.value === 'object' ? (columns.value as JsonObject) : {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function matchingColumn(client: SheetsClient, itemIndex: number): string {
  const { ctx } = client;
  if (ctx.node.typeVersion < 4) return param(ctx, 'columnToMatchOn', itemIndex, '');
  const columns = param<JsonObject>(ctx, 'columns', itemIndex, {});
  const matching = columns.matchingColumns;
  return Array.isArray(matching) && matching.length ? String(matching[0]) : '';
}

export async function runWrite(client: SheetsClient, operation: 'append' | 'update' | 'appendOrUpdate', target: SheetTarget, items: Item[]): Promise<Item[]> {
  const { ctx } = client;
  const version = ctx.node.typeVersion;
  const mode = mappingMode(client, 0);
  if (mode === 'nothing' || items.length === 0) return [];
  const options = collection(ctx, 'options', 0);
  const headerRow = Number(((options.locationDefine as JsonObject | undefined)?.values as JsonObject | undefined)?.headerRow ?? 1);
  const valueInputOption = String(options.cellFormat ?? (version < 4.1 ? 'RAW' : 'USER_ENTERED'));
  const extraData = String(options.handlingExtraData ?? 'insertInNewColumn');
  const sheet = quotedSheet(target.title);

  const grid = await getValues(client, target.spreadsheetId, sheet, 'UNFORMATTED_VALUE');
  const header = (grid[headerRow - 1] ?? []).map(cellText);
  const originalWidth = header.length;
  const rows = items.map((item, index) => rowData(client, item, index, grid.length === 0 ? 'autoMapInputData' : mode));

  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (header.includes(key) || key === 'row_number') continue;
      // Mapped columns name the sheet's own columns; only auto-mapping (or an empty sheet) adds new ones.
      if (mode !== 'autoMapInputData' && originalWidth > 0) continue;
      if (mode === 'autoMapInputData' && originalWidth > 0 && extraData === 'ignoreIt') continue;
      if (mode === 'autoMapInputData' && originalWidth > 0 && extraData === 'error') {
        throw new NodeOperationError(ctx.node.name, `Unexpected fields in node input`, { description: `The input field '${key}' doesn't match any column in the Sheet` });
      }
      header.push(key);
    }
  }
  if (header.length > originalWidth) {
    await updateValues(client, target.spreadsheetId, `${sheet}!A${headerRow}:${columnLetter(header.length)}${headerRow}`, [header], valueInputOption);
  }
  const asCells = (row: JsonObject): Cell[] => header.map((key) => toCell(row[key]));

  const keyColumn = operation === 'append' ? '' : matchingColumn(client, 0);
  if (operation !== 'append' && !keyColumn) throw new NodeOperationError(ctx.node.name, 'No column to match on was chosen');
  const keyIndex = header.indexOf(keyColumn);
  if (operation !== 'append' && keyColumn !== 'row_number' && keyIndex < 0) {
    throw new NodeOperationError(ctx.node.name, `Could not find column for key "${keyColumn}"`);
  }
  const toAppend: JsonObject[] = [];
  const updates: Array<{ range: string; values: Cell[][] }> = [];
  rows.forEach((row, index) => {
    if (operation === 'append') return toAppend.push(row);
    const wanted = mode === 'defineBelow' && version < 4 ? param(ctx, 'valueToMatchOn', index, '') : row[keyColumn];
    const rowNumber = keyColumn === 'row_number'
      ? Number(wanted)
      : grid.findIndex((cells, at) => at > headerRow - 1 && cellText(cells[keyIndex]) === cellText(wanted)) + 1;
    if (rowNumber > headerRow) {
      for (const [key, value] of Object.entries(row)) {
        const column = header.indexOf(key);
        if (column < 0 || key === keyColumn || value === undefined || value === null) continue;
        updates.push({ range: `${sheet}!${columnLetter(column + 1)}${rowNumber}`, values: [[toCell(value)]] });
      }
    } else if (operation === 'appendOrUpdate') {
      toAppend.push(mode === 'defineBelow' && version < 4 ? { ...row, [keyColumn]: wanted } : row);
    }
  });
  if (updates.length) await batchUpdateValues(client, target.spreadsheetId, updates, valueInputOption);
  if (toAppend.length) {
    if (options.useAppend === true) {
      await appendValues(client, target.spreadsheetId, sheet, toAppend.map(asCells), valueInputOption, 'INSERT_ROWS');
    } else {
      // Writing below the last row needs that row to exist; n8n adds room first.
      await batchUpdateSpreadsheet(client, target.spreadsheetId, [{ appendDimension: { sheetId: target.sheetId, dimension: 'ROWS', length: toAppend.length } }]);
      const firstRow = Math.max(grid.length, headerRow) + 1;
      await updateValues(client, target.spreadsheetId, `${sheet}!A${firstRow}:${columnLetter(header.length)}${firstRow + toAppend.length - 1}`,
        toAppend.map(asCells), valueInputOption);
    }
  }
  if (version < 4 || mode === 'autoMapInputData') return items.map((item, index) => ({ ...item, pairedItem: { item: index } }));
  return rows.map((row, index) => ({ json: row, pairedItem: { item: index } }));
}
