import { describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

/** A minimal PDF with one page per text, in Helvetica, offsets computed so pdf.js reads it without repair. */
function pdfWithPages(texts: string[]): Buffer {
  const objects: string[] = [];
  const pageIds = texts.map((_, n) => 4 + n * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${texts.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
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

const node = (parameters: Record<string, unknown> = {}, continueOnFail = false) => ({ name: 'PDF', type: 'n8n-nodes-base.readPDF', typeVersion: 1, parameters, continueOnFail });
const fileItem = (bytes: Buffer, property = 'data') => ({ json: {}, binary: { [property]: { data: bytes.toString('base64'), mimeType: 'application/pdf', fileName: 'a.pdf' } } });

describe('Read PDF', () => {
  it('gives the text of every page and the page count, keeping the binary', async () => {
    const result = await runChain([node({ binaryPropertyName: 'doc' })], { items: [fileItem(pdfWithPages(['Hello Weft', 'Second page']), 'doc')] });
    const [item] = outputOf(result, 'PDF');
    expect(item.json).toMatchObject({ numpages: 2, numrender: 2, text: 'Hello Weft\n\nSecond page', metadata: null });
    expect(typeof item.json.version).toBe('string');
    expect(item.json.info).toMatchObject({ PDFFormatVersion: '1.4' });
    expect(item.binary?.doc.fileName).toBe('a.pdf');
    expect(item.pairedItem).toEqual({ item: 0 });
  });

  it('fails clearly on a file that is not a PDF and on a missing binary property, per item with continue on fail', async () => {
    const bad = await runChain([node()], { items: [fileItem(Buffer.from('not a pdf'))] });
    expect(bad.data.resultData.error?.message).toMatch(/^The file is not a readable PDF/);
    const kept = await runChain([node({}, true)], { items: [{ json: {} }, fileItem(pdfWithPages(['ok']))] });
    expect(outputOf(kept, 'PDF').map((item) => item.json.error ?? item.json.text)).toEqual(['No binary data exists on item!', 'ok']);
  });
});
