// Pure conversions between the Sheets API's value grids and n8n's items: header-keyed rows with
// `row_number`, lookups, column letters, and the spreadsheet / sheet resource locators.
import type { JsonObject } from '../../engine/index.ts';
import type { Cell } from './sheets-api.ts';

/** 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  return letters.toUpperCase().split('').reduce((total, char) => total * 26 + (char.charCodeAt(0) - 64), 0);
}

/** A sheet title in a range; quoted (with quotes doubled) as A1 notation wants for any title. */
export const quotedSheet = (title: string) => `'${title.replace(/'/g, "''")}'`;

export interface LocatorValue { mode?: string; value?: unknown }

/** The spreadsheet id of a documentId locator: an id, or the id inside a docs.google.com URL. */
export function spreadsheetIdOf(locator: unknown): string {
  const raw = locator && typeof locator === 'object' ? (locator as LocatorValue).value : locator;
  const text = String(raw ?? '').trim();
  const fromUrl = /\/spreadsheets\/d\/([0-9a-zA-Z\-_]+)/.exec(text);
  return fromUrl ? fromUrl[1] : text;
}

/** What a sheetName locator names: a title (mode name) or a gid (list, id, url `#gid=`). */
export function sheetReferenceOf(locator: unknown): { title: string } | { gid: string } {
  const { mode, value } = locator && typeof locator === 'object' ? (locator as LocatorValue) : { mode: 'name', value: locator };
  const text = String(value ?? '').trim();
  if (mode === 'name') return { title: text };
  if (mode === 'url') return { gid: /[#&?]gid=([0-9]+)/.exec(text)?.[1] ?? '0' };
  // n8n's list stores `gid=0`; older exports may hold a plain id, or a title.
  const gid = /^(?:gid=)?([0-9]+)$/.exec(text)?.[1];
  return gid !== undefined ? { gid } : { title: text };
}

export const cellText = (cell: unknown) => (cell === undefined || cell === null ? '' : String(cell));

/** The header row's names over the widest row; an unnamed column is `col_<index>` as in n8n. */
export function headerKeys(grid: Cell[][], headerRow: number): string[] {
  const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  const names = grid[headerRow - 1] ?? [];
  return Array.from({ length: width }, (_, index) => cellText(names[index]) || `col_${index}`);
}

/** One object per data row, keyed by the header row (1-based rows), with the sheet's row number first. */
export function rowsToObjects(grid: Cell[][], headerRow: number, firstDataRow: number, rowOffset = 0): JsonObject[] {
  const header = headerKeys(grid, headerRow);
  const rows: JsonObject[] = [];
  for (let index = firstDataRow - 1; index < grid.length; index++) {
    const row = grid[index] ?? [];
    const object: JsonObject = { row_number: index + 1 + rowOffset };
    header.forEach((key, column) => {
      object[key] = row[column] ?? '';
    });
    rows.push(object);
  }
  return rows;
}

export interface LookupFilter { lookupColumn: string; lookupValue: unknown }

/** The rows matching the filters (all of them with AND, any with OR); only the first unless `all`. */
export function lookupRows(rows: JsonObject[], header: string[], filters: LookupFilter[], combine: 'AND' | 'OR', all: boolean): JsonObject[] {
  for (const filter of filters) {
    if (!header.includes(filter.lookupColumn)) throw new Error(`The column "${filter.lookupColumn}" could not be found`);
  }
  const matches = (row: JsonObject, filter: LookupFilter) => cellText(row[filter.lookupColumn]) === cellText(filter.lookupValue);
  const found = rows.filter((row) => (combine === 'AND' ? filters.every((f) => matches(row, f)) : filters.some((f) => matches(row, f))));
  return all ? found : found.slice(0, 1);
}

/** A cell's value as the API takes it: objects as JSON text, nothing as an empty cell. */
export function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return value as Cell;
}

/** How many sheet rows lie above an A1 range's first row (`B3:D` → 2; `A:Z` → 0). */
export function rowsAbove(a1: string): number {
  const start = /^\$?[A-Za-z]*\$?(\d+)/.exec(a1.split(':')[0] ?? '');
  return start ? Number(start[1]) - 1 : 0;
}
