// Text and metadata of a PDF (unpdf, on pdf.js), shaped as n8n's extractDataFromPDF returns them.
import { extractText, getDocumentProxy, getMeta, getResolvedPDFJS } from 'unpdf';
import type { JsonObject } from '../../engine/index.ts';

export interface PdfReadOptions {
  password?: string;
  /** Pages to read; 0 for all. */
  maxPages?: number;
  /** One text for all pages (default) or a list, one text per page. */
  joinPages?: boolean;
}

export async function pdfData(content: Buffer, options: PdfReadOptions = {}): Promise<JsonObject> {
  let doc;
  try {
    doc = await getDocumentProxy(new Uint8Array(content), options.password ? { password: options.password } : {});
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new Error(options.password ? 'The PDF password is incorrect' : 'The PDF is encrypted: set its password in the options');
    throw new Error(`The file is not a valid PDF: ${(error as Error).message}`);
  }
  try {
    const { totalPages, text } = await extractText(doc, { mergePages: false });
    const max = Number(options.maxPages ?? 0);
    const pages = max > 0 ? text.slice(0, max) : text;
    const { info, metadata } = await getMeta(doc);
    const { version } = await getResolvedPDFJS();
    return {
      numpages: totalPages,
      numrender: pages.length,
      info: info as JsonObject,
      metadata: ((metadata as unknown as { getAll?(): JsonObject } | null)?.getAll?.() ?? null) as JsonObject | null,
      text: options.joinPages === false ? pages : pages.join('\n\n'),
      version,
    };
  } finally {
    // Frees pdf.js's page caches; the document proxy of this pdf.js build has no destroy().
    await doc.cleanup();
  }
}
