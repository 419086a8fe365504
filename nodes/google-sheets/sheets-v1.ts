// The legacy V1 (typeVersions 1 and 2): a spreadsheet id and an A1 range, 0-based key and data rows,
// rows keyed by the key row without `row_number`. Read, lookup, append, update and clear.
import { NodeOperationError, type Item, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { appendValues, batchUpdateValues, clearValues, getValues, type SheetsClient } from './sheets-api.ts';
import { cellText, columnLetter, spreadsheetIdOf, toCell } from './sheets-data.ts';

function keyedRows(grid: unknown[][], keyRow: number, dataStartRow: number): JsonObject[] {
  const header = (grid[keyRow] ?? []).map(cellText);
  return grid.slice(dataStartRow).map((row) => Object.fromEntries(header.map((key, column) => [key, (row[column] ?? '') as JsonObject[string]])));
}

/** The sheet part of `Sheet1!A:F` (quotes kept), or nothing for a bare range. */
const sheetPrefix = (range: string) => (range.includes('!') ? `${range.split('!')[0]}!` : '');

export async function runV1(client: SheetsClient, items: Item[]): Promise<Item[]> {
  const { ctx } = client;
  const operation = param(ctx, 'operation', 0, 'read');
  const spreadsheetId = spreadsheetIdOf(param(ctx, 'sheetId', 0, ''));
  const range = param(ctx, 'range', 0, 'A:F');
  const options = collection(ctx, 'options', 0);
  const keyRow = Number(param(ctx, 'keyRow', 0, 0));
  const dataStartRow = Number(param(ctx, 'dataStartRow', 0, 1));
  const valueInputMode = String(options.valueInputMode ?? 'RAW');
  const passThrough = () => items.map((item, i) => ({ ...item, pairedItem: { item: i } }));

  if (operation === 'clear') {
    await clearValues(client, spreadsheetId, range);
    return passThrough();
  }
  if (operation === 'read' || operation === 'lookup') {
    const grid = await getValues(client, spreadsheetId, range, String(options.valueRenderMode ?? 'UNFORMATTED_VALUE'));
    if (param(ctx, 'rawData', 0, false)) return [{ json: { [param(ctx, 'dataProperty', 0, 'data')]: grid as unknown as JsonObject[string] }, pairedItem: { item: 0 } }];
    const rows = keyedRows(grid, keyRow, dataStartRow);
    if (operation === 'read') return rows.map((json) => ({ json, pairedItem: { item: 0 } }));
    const output: Item[] = [];
    items.forEach((_, i) => {
      const column = param(ctx, 'lookupColumn', i, '');
      const wanted = cellText(param(ctx, 'lookupValue', i, ''));
      if (!(grid[keyRow] ?? []).map(cellText).includes(column)) throw new NodeOperationError(ctx.node.name, `The column "${column}" could not be found`, { itemIndex: i });
      const found = rows.filter((row) => cellText(row[column]) === wanted);
      for (const json of options.returnAllMatches === true ? found : found.slice(0, 1)) output.push({ json, pairedItem: { item: i } });
    });
    return output;
  }
  if (operation === 'append' || operation === 'update') {
    const grid = await getValues(client, spreadsheetId, range, 'UNFORMATTED_VALUE');
    const header = (grid[keyRow] ?? []).map(cellText);
    if (operation === 'append') {
      await appendValues(client, spreadsheetId, range, items.map((item) => header.map((key) => toCell(item.json[key]))), valueInputMode);
      return passThrough();
    }
    const key = param(ctx, 'key', 0, 'id');
    const keyIndex = header.indexOf(key);
    if (keyIndex < 0) throw new NodeOperationError(ctx.node.name, `Could not find column for key "${key}"`);
    const startColumn = /!?\$?([A-Z]+)/.exec(range.split('!').pop() ?? 'A')?.[1] ?? 'A';
    const offset = startColumn.split('').reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
    const updates = items.flatMap((item) => {
      const rowIndex = grid.findIndex((row, at) => at >= dataStartRow && cellText(row[keyIndex]) === cellText(item.json[key]));
      if (rowIndex < 0) return [];
      return Object.entries(item.json).filter(([name]) => name !== key && header.includes(name)).map(([name, value]) => ({
        range: `${sheetPrefix(range)}${columnLetter(offset + header.indexOf(name) + 1)}${rowIndex + 1}`, values: [[toCell(value)]],
      }));
    });
    if (updates.length) await batchUpdateValues(client, spreadsheetId, updates, valueInputMode);
    return passThrough();
  }
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported`);
}
