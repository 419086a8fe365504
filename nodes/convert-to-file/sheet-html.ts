// An HTML file from items, as n8n's Convert to File "Convert to HTML" writes it: the items are
// flattened and laid out as a sheet (SheetJS json_to_sheet), then written with SheetJS's HTML
// writer: one <table>, a header row of keys, one row per item, every cell a <td> carrying its
// type (data-t), raw value (data-v) and A1 address (id="sjs-B2").

/** n8n's flattenObject: nested objects and lists become `a.b` / `list.0` keys; empty ones vanish. */
export function flattenObject(data: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value !== null && typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(flattenObject(value as Record<string, unknown>))) {
        if (innerValue !== undefined) flat[`${key}.${inner}`] = innerValue;
      }
    } else flat[key] = value;
  }
  return flat;
}

interface Cell {
  t: 's' | 'n' | 'b' | 'z';
  v: unknown;
}

function cellOf(value: unknown): Cell {
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  if (typeof value === 'string') return { t: 's', v: value };
  // null (and anything else) is a stub cell: typed "z", no value.
  return { t: 'z', v: null };
}

/** SheetJS's "General" number format, close enough for JSON numbers (at most 11 characters). */
function generalNumber(value: number): string {
  if ((value | 0) === value || !Number.isFinite(value)) return String(value);
  const plain = String(value);
  if (plain.length <= (value < 0 ? 12 : 11) && !plain.includes('e')) return plain;
  return String(Number(value.toPrecision(10)));
}

function displayed(cell: Cell): string {
  if (cell.v === null || cell.v === undefined) return '';
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'n') return generalNumber(cell.v as number);
  return String(cell.v);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** SheetJS's escapehtml: XML entities, line breaks as <br/>, control characters as &#x…;. */
function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
    .replace(/\n/g, '<br/>')
    .replace(/[\u0000-\u001f]/g, (c) => `&#x${c.charCodeAt(0).toString(16).padStart(4, '0')};`);
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function td(cell: Cell | undefined, address: string): string {
  let attributes = '';
  let text = '';
  if (cell) {
    attributes += ` data-t="${cell.t}"`;
    if (cell.v !== null && cell.v !== undefined) attributes += ` data-v="${escapeHtml(String(cell.v))}"`;
    text = escapeHtml(displayed(cell));
  }
  attributes += ` id="sjs-${address}"`;
  // SheetJS marks text with leading/trailing whitespace or a line break as space-preserving.
  const preserve = /(^\s|\s$|\n)/.test(text) ? ' xml:space="preserve"' : '';
  return `<td${attributes}${preserve}>${text}</td>`;
}

export function rowsToHtml(rows: Record<string, unknown>[], options: { headerRow?: boolean } = {}): string {
  const flat = rows.map(flattenObject);
  const headers = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  const table: (Cell | undefined)[][] = [];
  if (options.headerRow !== false) table.push(headers.map((header) => ({ t: 's', v: header })));
  for (const row of flat) table.push(headers.map((header) => (header in row ? cellOf(row[header]) : undefined)));
  const width = Math.max(headers.length, 1);
  const html = table.map((cells, r) => {
    const tds = Array.from({ length: width }, (_, c) => td(cells[c], `${columnName(c)}${r + 1}`));
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<html><head><meta charset="utf-8"/><title>SheetJS Table Export</title></head><body><table>${html.join('')}</table></body></html>`;
}
