// What the Default Data Loader makes of each kind of data, as LangChain's loaders (used by n8n) do.
import { describe, expect, it } from 'vitest';
import { csvDocuments, jsonDocuments, parsePointers, pdfDocuments, textDocuments } from '../ai-shared/document-formats.ts';

/** A one-font PDF with one page per text, offsets exact so pdf.js reads it as is. */
function pdfWithPages(texts: string[]): Buffer {
  const objects: string[] = ['', '<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const pageIds = texts.map((_, n) => 4 + n * 2);
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${texts.length} >>`;
  texts.forEach((text, n) => {
    const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
    objects[pageIds[n]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[n] + 1} 0 R >>`;
    objects[pageIds[n] + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

describe('Default Data Loader formats', () => {
  it('JSON: one document per string value in order, numbers and empty strings left out', () => {
    const docs = jsonDocuments(JSON.stringify({ title: 'Hello', n: 3, tags: ['a', ''], meta: { by: 'Ann' } }), []);
    expect(docs.map((d) => d.pageContent)).toEqual(['Hello', 'a', 'Ann']);
    expect(docs[2].metadata).toEqual({ source: 'blob', blobType: 'application/json', line: 3 });
  });

  it('JSON pointers pick the values under them', () => {
    const raw = JSON.stringify({ title: 'Hello', body: { text: 'World', note: 'x' }, other: 'no' });
    expect(parsePointers(' /title , /body/text,')).toEqual(['/title', '/body/text']);
    expect(jsonDocuments(raw, ['/title', '/body/text']).map((d) => d.pageContent)).toEqual(['Hello', 'World']);
    expect(jsonDocuments(raw, ['/missing'])).toEqual([]);
  });

  it('CSV: "column: value" lines per row, or one column, with the separator asked for', () => {
    const docs = csvDocuments('name;city\nAnn;Oslo\nBo;Rome\n', { separator: ';' });
    expect(docs.map((d) => d.pageContent)).toEqual(['name: Ann\ncity: Oslo', 'name: Bo\ncity: Rome']);
    expect(docs[1].metadata).toEqual({ source: 'blob', blobType: 'text/csv', line: 2 });
    expect(csvDocuments('name,city\nAnn,Oslo\n', { column: 'city' }).map((d) => d.pageContent)).toEqual(['Oslo']);
    expect(() => csvDocuments('name,city\nAnn,Oslo\n', { column: 'zip' })).toThrow('Column zip not found in CSV file.');
  });

  it('text: the whole file as one document', () => {
    expect(textDocuments('a\nb')).toMatchObject([{ pageContent: 'a\nb', metadata: { source: 'blob', blobType: 'text/plain' } }]);
  });

  it('PDF: a document per page with its number, or one for the whole file', async () => {
    const pdf = pdfWithPages(['First page', 'Second page']);
    const pages = await pdfDocuments(pdf, true);
    expect(pages.map((d) => [d.pageContent, (d.metadata.loc as { pageNumber: number }).pageNumber])).toEqual([['First page', 1], ['Second page', 2]]);
    expect(pages[0].metadata).toMatchObject({ source: 'blob', blobType: 'application/pdf', pdf: { totalPages: 2 } });
    const whole = await pdfDocuments(pdf, false);
    expect(whole.map((d) => d.pageContent)).toEqual(['First page\n\nSecond page']);
  });
});
