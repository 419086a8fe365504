// Edit Image (n8n-nodes-base.editImage v1) on sharp: information, blur, border, composite, create,
// crop, draw, resize, rotate, shear, text, transparent, and multiStep (a list of those, in order).
import sharp, { type FormatEnum, type Sharp } from 'sharp';
import { NodeOperationError, type BinaryData, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { editImageProperties } from './edit-image.description.ts';
import * as ops from './image-operations.ts';

const STEPS = ['blur', 'border', 'composite', 'create', 'crop', 'draw', 'resize', 'rotate', 'shear', 'text', 'transparent'];
const SUPPORTED = [...STEPS, 'information', 'multiStep'];

/** One operation's value by name, with that operation's default (parameters repeat names with other defaults). */
type Values = (name: string, fallback: unknown) => unknown;
const MIME: Record<string, string> = { bmp: 'image/bmp', gif: 'image/gif', jpeg: 'image/jpeg', jpg: 'image/jpeg', png: 'image/png', tiff: 'image/tiff', webp: 'image/webp' };

async function edit(ctx: ExecuteContext, operation: string, image: Sharp, item: Item, i: number, value: Values): Promise<Sharp> {
  const n = (name: string, fallback: number) => Number(value(name, fallback));
  const s = (name: string, fallback: string) => String(value(name, fallback));
  switch (operation) {
    case 'blur': return ops.blur(image, n('sigma', 2));
    case 'border': return ops.border(image, n('borderWidth', 10), n('borderHeight', 10), s('borderColor', '#000000'));
    case 'crop': return ops.crop(image, { width: n('width', 500), height: n('height', 500), positionX: n('positionX', 0), positionY: n('positionY', 0) });
    case 'resize': return ops.resize(image, n('width', 500), n('height', 500), s('resizeOption', 'maximumArea'));
    case 'rotate': return ops.rotate(image, n('rotate', 0), s('backgroundColor', '#ffffffff'));
    case 'text': {
      const font = value('font', undefined) ?? collection(ctx, 'options', i).font;
      return ops.text(image, { text: s('text', ''), fontSize: n('fontSize', 18), fontColor: s('fontColor', '#000000'), positionX: n('positionX', 50), positionY: n('positionY', 50), lineLength: n('lineLength', 80), font: font as string | undefined });
    }
    case 'composite': {
      const property = s('dataPropertyNameComposite', '');
      if (!property) throw new NodeOperationError(ctx.node.name, 'Set the binary property of the image to put on top', { itemIndex: i });
      const { buffer } = binaryBuffer(ctx.node.name, item, property, i);
      return ops.composite(image, buffer, { operator: s('operator', 'Over'), positionX: n('positionX', 0), positionY: n('positionY', 0) });
    }
    case 'create': return ops.create(n('width', 50), n('height', 50), s('backgroundColor', '#ffffff00'));
    case 'draw': return ops.draw(image, {
      primitive: s('primitive', 'rectangle'), color: s('color', '#ff000000'), cornerRadius: n('cornerRadius', 0),
      startPositionX: n('startPositionX', 50), startPositionY: n('startPositionY', 50), endPositionX: n('endPositionX', 250), endPositionY: n('endPositionY', 250),
    });
    case 'shear': return ops.shear(image, n('degreesX', 0), n('degreesY', 0));
    case 'transparent': return ops.transparent(image, s('color', '#ff0000'));
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
  const sourceFormat = source ? (await image.metadata()).format : 'png';
  if (operation === 'multiStep') {
    const steps = (param<{ operations?: Record<string, unknown>[] }>(ctx, 'operations', i, {}).operations ?? []);
    for (const step of steps) {
      const stepOperation = String(step.operation ?? '');
      if (!STEPS.includes(stepOperation)) throw new NodeOperationError(ctx.node.name, `The step operation "${stepOperation}" is not supported`, { itemIndex: i });
      const edited = await edit(ctx, stepOperation, image, item, i, (name, fallback) => step[name] ?? fallback);
      // Each step works on the previous step's pixels: sharp would otherwise reorder or merge its operations.
      image = sharp(await edited.png().toBuffer());
    }
  } else if (operation !== 'create') {
    image = await edit(ctx, operation, image, item, i, (name, fallback) => param(ctx, name, i, fallback));
  }
  const format = options.format ? String(options.format) : undefined;
  if (format) image = image.toFormat(format as keyof FormatEnum, { quality: Number(options.quality ?? 100) });
  else if (sourceFormat) image = image.toFormat(sourceFormat as keyof FormatEnum);
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  const outFormat = format ?? info.format;
  const extension = outFormat === 'jpeg' ? 'jpg' : outFormat;
  const baseName = (source?.fileName ?? 'image').replace(/\.[^.]*$/, '');
  const fileName = options.fileName ? String(options.fileName) : `${baseName}.${extension}`;
  const binary = prepareBinaryData(data, fileName, MIME[outFormat] ?? source?.mimeType ?? 'application/octet-stream');
  return { json: { ...item.json }, binary: { ...item.binary, [property]: binary }, pairedItem: { item: i } };
}

export const editImageNode: NodeType = {
  outsideEffects: false,
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
