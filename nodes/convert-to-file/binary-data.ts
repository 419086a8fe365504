// Binary data as n8n's prepareBinaryData builds it (base64 content, MIME type, name, extension, size),
// and reading an item's binary property back into bytes.
import { NodeOperationError, type BinaryData, type Item } from '../../engine/index.ts';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** Sizes as n8n shows them (pretty-bytes, base 1000, three significant digits): `12 B`, `1.23 kB`. */
export function prettyBytes(size: number): string {
  if (size < 1000) return `${size} B`;
  const exponent = Math.min(Math.floor(Math.log10(size) / 3), UNITS.length - 1);
  const value = Number((size / 1000 ** exponent).toPrecision(3));
  return `${value} ${UNITS[exponent]}`;
}

const EXTENSIONS: Record<string, string> = {
  'text/csv': 'csv',
  'application/json': 'json',
  'text/plain': 'txt',
  'text/html': 'html',
  'application/xml': 'xml',
  'text/xml': 'xml',
};

/** n8n's coarse file type for a MIME type (shown in the UI to choose a preview). */
function fileTypeOf(mimeType: string): string | undefined {
  if (mimeType === 'application/json') return 'json';
  if (mimeType === 'text/html') return 'html';
  if (mimeType === 'application/pdf') return 'pdf';
  const [top] = mimeType.split('/');
  if (['text', 'image', 'audio', 'video'].includes(top)) return top;
  return undefined;
}

export function prepareBinaryData(content: Buffer, fileName: string | undefined, mimeType: string): BinaryData {
  const binary: BinaryData = { data: content.toString('base64'), mimeType };
  const fileType = fileTypeOf(mimeType);
  if (fileType) binary.fileType = fileType;
  const dot = fileName?.lastIndexOf('.') ?? -1;
  const extension = fileName && dot > 0 ? fileName.slice(dot + 1) : EXTENSIONS[mimeType];
  if (fileName) binary.fileName = fileName;
  if (extension) binary.fileExtension = extension;
  binary.fileSize = prettyBytes(content.length);
  return binary;
}

/** The bytes of an item's binary property; a clear error when it is missing (n8n's assertBinaryData). */
export function binaryBuffer(nodeName: string, item: Item, property: string, itemIndex: number): { buffer: Buffer; binary: BinaryData } {
  const binary = item.binary?.[property];
  if (!item.binary) {
    throw new NodeOperationError(nodeName, 'No binary data exists on item!', { itemIndex });
  }
  if (!binary) {
    throw new NodeOperationError(
      nodeName,
      `This operation expects the node's input data to contain a binary file '${property}', but none was found [item ${itemIndex}]`,
      { itemIndex, description: 'Make sure that the previous node outputs a binary file' },
    );
  }
  return { buffer: Buffer.from(binary.data, 'base64'), binary };
}
