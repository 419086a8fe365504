// What the Default Data Loader hands a vector store (n8n's N8nJsonLoader / N8nBinaryLoader): an object
// that turns the root's input items into LangChain Documents, split by the text splitter and given
// the metadata the node names. Each item it processes is recorded as a run of the loader.
import type { Document } from '@langchain/core/documents';
import type { TextSplitter } from '@langchain/textsplitters';
import { NodeOperationError, type Item, type SupplyDataContext } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { csvDocuments, jsonDocuments, parsePointers, pdfDocuments, textDocuments } from './document-formats.ts';
import { metadataFilterValues } from './vector-metadata.ts';
import { documentsJson, recorded } from './vector-recording.ts';

/** What vector stores call: the documents of one input item, or of all of them. */
export interface ItemDocumentLoader {
  processItem(item: Item, itemIndex: number): Promise<Document[]>;
  processAll(items: Item[]): Promise<Document[]>;
}

// n8n's SUPPORTED_MIME_TYPES for the formats Weft reads.
const LOADER_MIME_TYPES: Record<string, string[]> = {
  csvLoader: ['text/csv'],
  jsonLoader: ['application/json'],
  pdfLoader: ['application/pdf'],
  textLoader: ['text/plain', 'text/markdown', 'text/html', 'text/xml', 'application/xml'],
  docxLoader: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  epubLoader: ['application/epub+zip'],
};

export class DefaultDocumentLoader implements ItemDocumentLoader {
  constructor(
    private readonly ctx: SupplyDataContext,
    private readonly dataType: 'json' | 'binary',
    private readonly textSplitter: TextSplitter | undefined,
  ) {}

  async processAll(items: Item[]): Promise<Document[]> {
    const documents: Document[] = [];
    for (const [index, item] of items.entries()) documents.push(...(await this.processItem(item, index)));
    return documents;
  }

  processItem(item: Item, itemIndex: number): Promise<Document[]> {
    return recorded(this.ctx, 'ai_document', item.json, () => this.#load(item, itemIndex), (docs) => ({ response: documentsJson(docs) }));
  }

  async #load(item: Item, itemIndex: number): Promise<Document[]> {
    const loaded = this.dataType === 'binary' ? await this.#binaryDocuments(item, itemIndex) : this.#jsonDocuments(item, itemIndex);
    const documents = this.textSplitter ? await this.textSplitter.splitDocuments(loaded) : loaded;
    const metadata = metadataFilterValues(this.ctx, itemIndex);
    if (metadata) for (const doc of documents) doc.metadata = { ...doc.metadata, ...metadata };
    return documents;
  }

  #jsonDocuments(item: Item, itemIndex: number): Document[] {
    const pointers = parsePointers(this.ctx.getNodeParameter('options.pointers', itemIndex, ''));
    const mode = this.ctx.getNodeParameter('jsonMode', itemIndex, 'allInputData');
    if (mode !== 'expressionData') return jsonDocuments(JSON.stringify(item.json), pointers);
    const data = this.ctx.getNodeParameter('jsonData', itemIndex, '');
    if (data !== null && typeof data === 'object') return jsonDocuments(JSON.stringify(data), pointers);
    return textDocuments(String(data ?? ''));
  }

  async #binaryDocuments(item: Item, itemIndex: number): Promise<Document[]> {
    const mode = this.ctx.getNodeParameter('binaryMode', itemIndex, 'allInputData');
    const keys = mode === 'allInputData' ? Object.keys(item.binary ?? {}) : [String(this.ctx.getNodeParameter('binaryDataKey', itemIndex, 'data'))];
    if (keys.length === 0) throw new NodeOperationError(this.ctx.node.name, 'No binary data set.', { itemIndex });
    const documents: Document[] = [];
    for (const key of keys) documents.push(...(await this.#fileDocuments(item, key, itemIndex)));
    return documents;
  }

  async #fileDocuments(item: Item, key: string, itemIndex: number): Promise<Document[]> {
    const node = this.ctx.node.name;
    if (!item.binary?.[key]) throw new NodeOperationError(node, 'No binary data set.', { itemIndex, description: `The input item has no binary field '${key}'` });
    const { buffer, binary } = binaryBuffer(node, item, key, itemIndex);
    const mimeType = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
    const selected = String(this.ctx.getNodeParameter('loader', itemIndex, 'auto'));
    const kind = selected === 'auto' ? Object.keys(LOADER_MIME_TYPES).find((k) => LOADER_MIME_TYPES[k].includes(mimeType)) ?? (mimeType.startsWith('text/') ? 'textLoader' : undefined) : selected;
    if (!kind) throw new NodeOperationError(node, `Unsupported mime type: ${mimeType}`, { itemIndex });
    if (selected !== 'auto' && selected !== 'textLoader' && !LOADER_MIME_TYPES[selected]?.includes(mimeType)) {
      const needed = Object.keys(LOADER_MIME_TYPES).find((k) => LOADER_MIME_TYPES[k].includes(mimeType));
      throw new NodeOperationError(node, `Mime type doesn't match selected loader. Please select under "Loader Type": ${needed}`, { itemIndex });
    }
    const option = (name: string, fallback: unknown) => this.ctx.getNodeParameter(`options.${name}`, itemIndex, fallback);
    switch (kind) {
      case 'jsonLoader': return jsonDocuments(buffer.toString('utf8'), parsePointers(option('pointers', '')));
      case 'csvLoader': return csvDocuments(buffer.toString('utf8'), { separator: String(option('separator', ',')), column: String(option('column', '') ?? '') });
      case 'pdfLoader': return pdfDocuments(buffer, option('splitPages', true) !== false);
      case 'textLoader': return textDocuments(buffer.toString('utf8'), mimeType || 'text/plain');
      default:
        throw new NodeOperationError(node, `Reading ${mimeType} files is not supported yet`, { itemIndex, description: 'Convert the file to text or PDF first (e.g. with Extract from File)' });
    }
  }
}

/** True for what a Default Data Loader (or a compatible community loader) supplies. */
export function isItemDocumentLoader(value: unknown): value is ItemDocumentLoader {
  return typeof (value as ItemDocumentLoader | null)?.processItem === 'function';
}
