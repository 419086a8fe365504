// Compression (n8n-nodes-base.compression v1, 1.1): binary properties into one zip or one gzip each,
// and zip or gzip files back into binary properties, with fflate.
import { gunzipSync, gzipSync, unzipSync, zipSync, type Zippable } from 'fflate';
import { NodeOperationError, type BinaryData, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { errorMessage } from '../shared/items.ts';
import { param } from '../shared/params.ts';
import { extensionOf, mimeTypeOf } from '../read-write-file/mime.ts';
import { compressionProperties } from './compression.description.ts';

// Stored without compressing again, as n8n does.
const ALREADY_COMPRESSED = new Set(['7z', 'aifc', 'bz2', 'doc', 'docx', 'gif', 'gz', 'heic', 'heif', 'jpg', 'jpeg', 'mov', 'mp3', 'mp4', 'pdf', 'png', 'ppt', 'pptx', 'rar', 'webm', 'webp', 'xls', 'xlsx', 'zip']);

const propertyNames = (value: string) => value.split(',').map((name) => name.trim());

/** zip or gzip, by extension as n8n decides, else by the file's first bytes. */
function archiveKind(binary: BinaryData, content: Buffer): 'zip' | 'gzip' | undefined {
  const extension = binary.fileExtension?.toLowerCase();
  if (extension === 'zip') return 'zip';
  if (extension === 'gz' || extension === 'gzip') return 'gzip';
  if (content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04) return 'zip';
  if (content[0] === 0x1f && content[1] === 0x8b) return 'gzip';
  return undefined;
}

function fileFrom(content: Uint8Array, fileName: string, mimeType?: string): BinaryData {
  const buffer = Buffer.from(content);
  return prepareBinaryData(buffer, fileName, mimeType ?? mimeTypeOf(fileName, buffer));
}

function decompress(ctx: ExecuteContext, item: Item, i: number): Item {
  const prefix = param(ctx, 'outputPrefix', 0, 'file_');
  const binary: Record<string, BinaryData> = {};
  let zipIndex = 0;
  propertyNames(param(ctx, 'binaryPropertyName', 0, 'data')).forEach((property, index) => {
    const { buffer, binary: source } = binaryBuffer(ctx.node.name, item, property, i);
    const kind = archiveKind(source, buffer);
    if (kind === 'zip') {
      const files = unzipSync(buffer);
      for (const [name, content] of Object.entries(files)) {
        // Archives made on macOS repeat their files under __MACOSX; folders are entries too.
        if (name.includes('__MACOSX') || name.endsWith('/')) continue;
        binary[`${prefix}${zipIndex++}`] = fileFrom(content, name);
      }
    } else if (kind === 'gzip') {
      const content = Buffer.from(gunzipSync(buffer));
      const baseName = (source.fileName ?? 'file').split('.')[0];
      // data.json.gz → data.json; otherwise the type comes from the content.
      const inner = source.fileName?.endsWith('.gz') ? source.fileName.slice(0, -3).split('.') : [];
      const extension = inner.length > 1 ? inner[inner.length - 1] : extensionOf(mimeTypeOf('', content)) ?? 'txt';
      const file = fileFrom(content, `${baseName}.${extension}`);
      binary[`${prefix}${index}`] = file;
    } else {
      throw new NodeOperationError(ctx.node.name, `The file in '${property}' is neither a zip nor a gzip archive`, { itemIndex: i, description: `File name: ${source.fileName ?? '(none)'}, MIME type: ${source.mimeType}` });
    }
  });
  return { json: item.json, binary, pairedItem: { item: i } };
}

function compress(ctx: ExecuteContext, item: Item, i: number): Item {
  const v1 = ctx.node.typeVersion < 1.1;
  const format = param(ctx, 'outputFormat', 0, v1 ? '' : 'zip');
  if (format !== 'zip' && format !== 'gzip') throw new NodeOperationError(ctx.node.name, 'Choose an output format: zip or gzip', { itemIndex: i });
  const at = v1 ? 0 : i;
  const zipped: Zippable = {};
  const binary: Record<string, BinaryData> = {};
  propertyNames(param(ctx, 'binaryPropertyName', at, 'data')).forEach((property, index) => {
    const { buffer, binary: source } = binaryBuffer(ctx.node.name, item, property, i);
    if (format === 'zip') {
      zipped[source.fileName ?? property] = [buffer, { level: ALREADY_COMPRESSED.has(source.fileExtension ?? '') ? 0 : 6 }];
      return;
    }
    let outputProperty: string;
    let fileName: string;
    if (v1) {
      outputProperty = `${param(ctx, 'outputPrefix', 0, 'data')}${index}`;
      fileName = `${(source.fileName ?? '').split('.')[0]}.gzip`;
    } else {
      outputProperty = `${param(ctx, 'binaryPropertyOutput', i, 'data')}${index || ''}`;
      const named = param(ctx, 'fileName', i, '');
      const base = named ? named.replace('.gz', '').replace('.gzip', '') : (source.fileName ?? '').split('.')[0];
      fileName = `${base}${source.fileExtension ? `.${source.fileExtension.toLowerCase()}` : ''}.gz`;
    }
    binary[outputProperty] = fileFrom(gzipSync(buffer), fileName, 'application/gzip');
  });
  if (format === 'gzip') return { json: item.json, binary, pairedItem: { item: i } };
  const fileName = param(ctx, 'fileName', at, '');
  const output = param(ctx, 'binaryPropertyOutput', at, 'data');
  return { json: item.json, binary: { [output]: fileFrom(zipSync(zipped), fileName, 'application/zip') }, pairedItem: { item: i } };
}

export const compressionNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.compression',
    displayName: 'Compression',
    group: ['transform'],
    version: [1, 1.1],
    description: 'Compress and decompress files',
    defaults: { name: 'Compression', color: '#408000' },
    inputs: ['main'],
    outputs: ['main'],
    properties: compressionProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'decompress');
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        output.push(operation === 'compress' ? compress(ctx, items[i], i) : decompress(ctx, items[i], i));
      } catch (error) {
        const failure = error instanceof NodeOperationError ? error : new NodeOperationError(ctx.node.name, `Could not ${operation} the file: ${errorMessage(error)}`, { itemIndex: i });
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: failure.message }, pairedItem: { item: i } });
      }
    }
    return [output];
  },
};
