// The binary-data helpers of n8n's IExecuteFunctions for community nodes. Weft keeps binary data
// inline as base64 on the item (BinaryData.data), so these convert between that and Buffers.
import type { BinaryData, Item } from '../../engine/index.ts';
import { NodeOperationError } from './n8n-workflow/errors.ts';

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp', tiff: 'image/tiff',
  svg: 'image/svg+xml', pdf: 'application/pdf', json: 'application/json', txt: 'text/plain', csv: 'text/csv', html: 'text/html',
  xml: 'application/xml', zip: 'application/zip', mp3: 'audio/mpeg', mp4: 'video/mp4', wav: 'audio/wav',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function fileTypeOf(mimeType: string): string | undefined {
  const top = mimeType.split('/')[0];
  if (['image', 'video', 'audio', 'text'].includes(top)) return top;
  if (mimeType === 'application/json') return 'json';
  if (mimeType === 'application/pdf') return 'pdf';
  return undefined;
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes;
  let unit = -1;
  do { value /= 1024; unit++; } while (value >= 1024 && unit < units.length - 1);
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

/** n8n's prepareBinaryData: wraps a Buffer (or a readable stream) as an item's binary entry. */
export async function prepareBinaryData(data: Buffer | NodeJS.ReadableStream, fileName?: string, mimeType?: string): Promise<BinaryData> {
  let buffer: Buffer;
  if (Buffer.isBuffer(data)) buffer = data;
  else {
    const chunks: Buffer[] = [];
    for await (const chunk of data as AsyncIterable<Buffer | string>) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    buffer = Buffer.concat(chunks);
  }
  const extension = fileName?.includes('.') ? fileName.split('.').pop()!.toLowerCase() : undefined;
  const type = mimeType ?? (extension && MIME_BY_EXTENSION[extension]) ?? 'application/octet-stream';
  const result: BinaryData = { data: buffer.toString('base64'), mimeType: type, fileSize: humanSize(buffer.length) };
  if (fileName) result.fileName = fileName;
  const ext = extension ?? Object.entries(MIME_BY_EXTENSION).find(([, m]) => m === type)?.[0];
  if (ext) result.fileExtension = ext;
  const fileType = fileTypeOf(type);
  if (fileType) result.fileType = fileType;
  return result;
}

/** n8n's assertBinaryData: the item's binary entry under that property, or a clear error. */
export function assertBinaryData(nodeName: string, items: Item[], itemIndex: number, propertyName: string | BinaryData): BinaryData {
  if (typeof propertyName !== 'string') return propertyName;
  const binary = items[itemIndex]?.binary;
  if (!binary) throw new NodeOperationError({ name: nodeName }, 'No binary data exists on item!', { itemIndex });
  const data = binary[propertyName];
  if (!data) throw new NodeOperationError({ name: nodeName }, `This operation expects the node's input data to contain a binary file '${propertyName}', but none was found [item ${itemIndex}]`, { itemIndex, description: 'Make sure that the previous node outputs a binary file' });
  return data;
}

/** n8n's getBinaryDataBuffer. */
export function binaryBuffer(data: BinaryData): Buffer {
  if (data.id && !data.data) throw new Error(`Binary data '${data.id}' is stored by reference; this node needs it inline`);
  return Buffer.from(data.data, 'base64');
}

/** n8n's binaryToString. */
export async function binaryToString(body: Buffer | NodeJS.ReadableStream, encoding: BufferEncoding = 'utf8'): Promise<string> {
  if (Buffer.isBuffer(body)) return body.toString(encoding);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString(encoding);
}
