// Rendering items as one HTML table (n8n's HTML node, convertToHtmlTable).
export interface TableOptions {
  capitalize?: boolean;
  customStyling?: boolean;
  caption?: string;
  tableAttributes?: string;
  headerAttributes?: string;
}

const TABLE_STYLE = "style='border-spacing:0; font-family:helvetica,arial,sans-serif'";
const HEADER_STYLE =
  "style='margin:0; padding:7px 20px 7px 0px; border-bottom:1px solid #eee; text-align:left; color:#888; font-weight:normal'";
const CELL_STYLE = "style='margin:0; padding:7px 20px 7px 0px; border-bottom:1px solid #eee'";

/** `first_name` → `First Name` when capitalising. */
export function capitalizeHeader(header: string, capitalize?: boolean): string {
  if (!capitalize) return header;
  return header
    .split('_')
    .filter((word) => word)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}

/** Rows are the items' json; row and cell attributes may differ per row (they are per-item parameters). */
export function htmlTable(
  rows: Record<string, unknown>[],
  options: TableOptions,
  rowAttributes: (row: number) => string,
  cellAttributes: (row: number) => string,
): string {
  const styled = !options.customStyling;
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  let table = `<table ${styled ? TABLE_STYLE : ''} ${options.tableAttributes || ''}>`;
  if (options.caption) table += `<caption>${options.caption}</caption>`;
  table += `<thead ${styled ? HEADER_STYLE : ''} ${options.headerAttributes || ''}>`;
  table += `<tr>${headers.map((header) => `<th>${capitalizeHeader(header, options.capitalize)}</th>`).join('')}</tr>`;
  table += '</thead><tbody>';
  rows.forEach((row, index) => {
    table += `<tr  ${rowAttributes(index)}>`;
    const cellAttrs = cellAttributes(index);
    for (const header of headers) {
      const value = row[header];
      const content = typeof value === 'boolean' ? `<input type="checkbox" ${value ? 'checked="checked"' : ''}/>` : String(value);
      table += `<td ${styled ? CELL_STYLE : ''} ${cellAttrs}>${content}</td>`;
    }
    table += '</tr>';
  });
  return `${table}</tbody></table>`;
}
