// Read PDF (n8n-nodes-base.readPDF v1), legacy: a PDF binary property becomes its text and document
// facts (numpages, numrender, info, metadata, text, version), as n8n's pdf.js-based reader gives them.
import { extractText, getDocumentProxy, getMeta, getResolvedPDFJS } from 'unpdf';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { errorMessage } from '../shared/items.ts';
import { param } from '../shared/params.ts';

async function readPdf(ctx: ExecuteContext, bytes: Buffer, password: string | undefined, itemIndex: number): Promise<JsonObject> {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), password ? { password } : {});
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new NodeOperationError(ctx.node.name, password ? 'The PDF password is incorrect' : 'The PDF is encrypted: turn on "Encrypted" and give its password', { itemIndex });
    }
    throw new NodeOperationError(ctx.node.name, `The file is not a readable PDF: ${errorMessage(error)}`, { itemIndex });
  }
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    const meta = await getMeta(pdf);
    return {
      numpages: totalPages,
      numrender: totalPages,
      info: meta.info as JsonObject,
      // Without XMP metadata pdf.js gives nothing, which n8n's reader outputs as null.
      metadata: meta.metadata && Object.keys(meta.metadata).length ? meta.metadata : null,
      text: text.join('\n\n'),
      version: (await getResolvedPDFJS()).version,
    };
  } finally {
    // The document proxy of this pdf.js build has no destroy(); its loading task frees the worker side.
    await pdf.loadingTask.destroy();
  }
}

export const readPdfNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.readPDF',
    displayName: 'Read PDF',
    icon: 'fa:file-pdf',
    group: ['input'],
    version: [1],
    description: 'Reads a PDF and extracts its content',
    defaults: { name: 'Read PDF', color: '#003355' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [
      { displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true,
        description: 'The name of the input binary field containing the file to be read' },
      { displayName: 'Encrypted', name: 'encrypted', type: 'boolean', default: false },
      { displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', placeholder: 'password',
        description: 'Password to decrypt the PDF file with', displayOptions: { show: { encrypted: [true] } } },
    ],
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const output: Item[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        const item = items[itemIndex];
        const { buffer } = binaryBuffer(ctx.node.name, item, param(ctx, 'binaryPropertyName', itemIndex, 'data'), itemIndex);
        const password = param(ctx, 'encrypted', itemIndex, false) ? param(ctx, 'password', itemIndex, '') : undefined;
        output.push({ json: await readPdf(ctx, buffer, password, itemIndex), binary: item.binary, pairedItem: { item: itemIndex } });
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
      }
    }
    return [output];
  },
};
