// Turns what the Default Data Loader reads into LangChain Documents as LangChain's loaders do (the
// ones n8n uses): JSON → one document per string value, text → one document, CSV → one per row,
// PDF → one per page (or one in all). Metadata names the blob as those loaders do.
import { Document } from '@langchain/core/documents';
import { csvRows } from '../extract-from-file/csv-read.ts';
import { pdfData } from '../extract-from-file/pdf-read.ts';

/** LangChain's JSONLoader: every string value under the pointers (all of them without pointers), in order. */
export function jsonDocuments(raw: string, pointers: string[]): Document[] {
  const json = JSON.parse(raw.trim()) as unknown;
  const targets = pointers.length > 0 ? pointers.map((pointer) => resolvePointer(json, pointer)) : [json];
  return targets.flatMap(stringsIn).map((text, i) => new Document({ pageContent: text, metadata: { source: 'blob', blobType: 'application/json', line: i + 1 } }));
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** RFC 6901: "/a/0/b", with ~1 for "/" and ~0 for "~"; undefined where nothing is. */
export function resolvePointer(json: unknown, pointer: string): unknown {
  if (pointer === '') return json;
  let current = json;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** "/text, /meta/title" as n8n's option holds it; empty parts dropped. */
export function parsePointers(option: unknown): string[] {
  return String(option ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
}

export function textDocuments(text: string, blobType = 'text/plain'): Document[] {
  return [new Document({ pageContent: text, metadata: { source: 'blob', blobType } })];
}

/** LangChain's CSVLoader: "column: value" lines per row, or only the chosen column's value. */
export function csvDocuments(text: string, options: { separator?: string; column?: string }): Document[] {
  const rows = csvRows(text, { delimiter: options.separator || ',', includeEmptyCells: true }) as Array<Record<string, string>>;
  const column = options.column?.trim();
  if (column && rows.length > 0 && !(column in rows[0])) throw new Error(`Column ${column} not found in CSV file.`);
  return rows.map((row, i) => new Document({
    pageContent: column ? String(row[column] ?? '') : Object.entries(row).map(([key, value]) => `${key.trim()}: ${String(value ?? '').trim()}`).join('\n'),
    metadata: { source: 'blob', blobType: 'text/csv', line: i + 1 },
  }));
}

/** LangChain's PDFLoader: a document per page (`loc.pageNumber`) or one for the whole file. */
export async function pdfDocuments(content: Buffer, splitPages: boolean): Promise<Document[]> {
  const data = await pdfData(content, { joinPages: false });
  const pages = data.text as string[];
  const pdf = { version: data.version, info: data.info, metadata: data.metadata, totalPages: data.numpages };
  const metadata = { source: 'blob', blobType: 'application/pdf', pdf };
  if (!splitPages) return [new Document({ pageContent: pages.join('\n\n'), metadata })];
  return pages.map((text, i) => new Document({ pageContent: text, metadata: { ...metadata, loc: { pageNumber: i + 1 } } }));
}
