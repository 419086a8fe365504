// Edit Image (n8n-nodes-base.editImage v1) on sharp: information, blur, border, composite, create,
// crop, resize, rotate and text. draw, multiStep, shear and transparent are not implemented.
import sharp, { type FormatEnum, type Sharp } from 'sharp';
import { NodeOperationError, type BinaryData, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { editImageProperties } from './edit-image.description.ts';
import * as ops from './image-operations.ts';

const SUPPORTED = ['blur', 'border', 'composite', 'create', 'crop', 'information', 'resize', 'rotate', 'text'];
const MIME: Record<string, string> = { bmp: 'image/bmp', gif: 'image/gif', jpeg: 'image/jpeg', jpg: 'image/jpeg', png: 'image/png', tiff: 'image/tiff', webp: 'image/webp' };

async function edit(ctx: ExecuteContext, operation: string, image: Sharp, item: Item, i: number): Promise<Sharp> {
  const n = (name: string, fallback: number) => Number(param(ctx, name, i, fallback));
  const s = (name: string, fallback: string) => String(param(ctx, name, i, fallback));
  switch (operation) {
    case 'blur': return ops.blur(image, n('sigma', 2));
    case 'border': return ops.border(image, n('borderWidth', 10), n('borderHeight', 10), s('borderColor', '#000000'));
    case 'crop': return ops.crop(image, { width: n('width', 500), height: n('height', 500), positionX: n('positionX', 0), positionY: n('positionY', 0) });
    case 'resize': return ops.resize(image, n('width', 500), n('height', 500), s('resizeOption', 'maximumArea'));
    case 'rotate': return ops.rotate(image, n('rotate', 0), s('backgroundColor', '#ffffffff'));
    case 'text': {
      const options = collection(ctx, 'options', i);
      return ops.text(image, { text: s('text', ''), fontSize: n('fontSize', 18), fontColor: s('fontColor', '#000000'), positionX: n('positionX', 50), positionY: n('positionY', 50), lineLength: n('lineLength', 80), font: options.font as string | undefined });
    }
    case 'composite': {
      const property = s('dataPropertyNameComposite', '');
      if (!property) throw new NodeOperationError(ctx.node.name, 'Set the binary property of the image to put on top', { itemIndex: i });
      const { buffer } = binaryBuffer(ctx.node.name, item, property, i);
      return ops.composite(image, buffer, { operator: s('operator', 'Over'), positionX: n('positionX', 0), positionY: n('positionY', 0) });
    }
    default: return image;
  }
}

async function runItem(ctx: ExecuteContext, operation: string, item: Item, i: number): Promise<Item> {
  const property = param(ctx, 'dataPropertyName', i, 'data');
  if (operation === 'information') {
    const { buffer } = binaryBuffer(ctx.node.name, item, property, i);
    return { json: await ops.information(buffer), binary: item.binary, pairedItem: { item: i } };
  }
  const options = collection(ctx, 'options', i);
  let source: BinaryData | undefined;
  let image: Sharp;
  if (operation === 'create') {
    image = ops.create(Number(param(ctx, 'width', i, 50)), Number(param(ctx, 'height', i, 50)), String(param(ctx, 'backgroundColor', i, '#ffffff00')));
  } else {
    const { buffer, binary } = binaryBuffer(ctx.node.name, item, property, i);
    source = binary;
    image = sharp(buffer);
  }
  image = await edit(ctx, operation, image, item, i);
  const format = options.format ? String(options.format) : undefined;
  if (format) image = image.toFormat(format as keyof FormatEnum, { quality: Number(options.quality ?? 100) });
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  const outFormat = format ?? info.format;
  const extension = outFormat === 'jpeg' ? 'jpg' : outFormat;
  const baseName = (source?.fileName ?? 'image').replace(/\.[^.]*$/, '');
  const fileName = options.fileName ? String(options.fileName) : `${baseName}.${extension}`;
  const binary = prepareBinaryData(data, fileName, MIME[outFormat] ?? source?.mimeType ?? 'application/octet-stream');
  return { json: { ...item.json }, binary: { ...item.binary, [property]: binary }, pairedItem: { item: i } };
}

export const editImageNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.editImage',
    displayName: 'Edit Image',
    group: ['transform'],
    version: [1],
    description: 'Edits an image like blur, resize or adding border and text',
    defaults: { name: 'Edit Image', color: '#553399' },
    inputs: ['main'],
    outputs: ['main'],
    properties: editImageProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'border');
    if (!SUPPORTED.includes(operation)) {
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported yet`, { description: `Weft's Edit Image supports ${SUPPORTED.join(', ')}` });
    }
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        output.push(await runItem(ctx, operation, items[i], i));
      } catch (error) {
        const failure = error instanceof NodeOperationError ? error : new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex: i });
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: failure.message }, pairedItem: { item: i } });
      }
    }
    return [output];
  },
};
