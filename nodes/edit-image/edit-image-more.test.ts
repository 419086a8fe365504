// Edit Image's draw, shear, transparent and multiStep on real images made with sharp, checked by
// reading the output's pixels and size back.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

let white: Buffer;
let flag: Buffer;
beforeAll(async () => {
  white = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ffffff' } }).png().toBuffer();
  // Left half red, right half blue.
  const blueHalf = await sharp({ create: { width: 20, height: 30, channels: 3, background: '#0000ff' } }).png().toBuffer();
  flag = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ff0000' } }).composite([{ input: blueHalf, left: 20, top: 0 }]).png().toBuffer();
});

const png = (content: Buffer) => ({ data: content.toString('base64'), mimeType: 'image/png', fileName: 'in.png', fileExtension: 'png' });

async function editImage(parameters: Record<string, unknown>, content = white) {
  const result = await runChain([{ name: 'E', type: 'n8n-nodes-base.editImage', parameters }], { items: [{ json: {}, binary: { data: png(content) } }] });
  return { item: outputOf(result, 'E')[0] as Item | undefined, error: result.data.resultData.error?.message };
}

async function pixels(item: Item) {
  const { data, info } = await sharp(Buffer.from(item.binary!.data.data, 'base64')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, at: (x: number, y: number) => [...data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4)] };
}

describe('Edit Image draw', () => {
  it('fills a rectangle between the two corners, in the default opaque red (#ff000000 read as GraphicsMagick does)', async () => {
    const { item } = await editImage({ operation: 'draw', startPositionX: 5, startPositionY: 5, endPositionX: 14, endPositionY: 9 });
    const image = await pixels(item!);
    expect(image.at(5, 5)).toEqual([255, 0, 0, 255]);
    expect(image.at(14, 9)).toEqual([255, 0, 0, 255]);
    expect(image.at(15, 9)).toEqual([255, 255, 255, 255]);
    expect(image.at(4, 5)).toEqual([255, 255, 255, 255]);
    expect(item!.binary!.data).toMatchObject({ mimeType: 'image/png', fileName: 'in.png' });
  });

  it('rounds rectangle corners with cornerRadius', async () => {
    const { item } = await editImage({ operation: 'draw', color: '#0000ff', startPositionX: 0, startPositionY: 0, endPositionX: 39, endPositionY: 29, cornerRadius: 10 });
    const image = await pixels(item!);
    expect(image.at(0, 0)).toEqual([255, 255, 255, 255]);
    expect(image.at(20, 15)).toEqual([0, 0, 255, 255]);
  });

  it('fills a circle centred on the start through the end point', async () => {
    const { item } = await editImage({ operation: 'draw', primitive: 'circle', color: '#00ff00', startPositionX: 20, startPositionY: 15, endPositionX: 28, endPositionY: 15 });
    const image = await pixels(item!);
    expect(image.at(20, 15)).toEqual([0, 255, 0, 255]);
    expect(image.at(20, 9)).toEqual([0, 255, 0, 255]);
    expect(image.at(20, 2)).toEqual([255, 255, 255, 255]);
    expect(image.at(27, 22)).toEqual([255, 255, 255, 255]);
  });

  it('draws a line between the two points', async () => {
    const { item } = await editImage({ operation: 'draw', primitive: 'line', color: '#000000', startPositionX: 0, startPositionY: 10, endPositionX: 39, endPositionY: 10 });
    const image = await pixels(item!);
    let dark = 0;
    for (let x = 0; x < 40; x++) if (image.at(x, 10)[0] < 128 || image.at(x, 9)[0] < 128) dark++;
    expect(dark).toBeGreaterThan(35);
    expect(image.at(20, 20)).toEqual([255, 255, 255, 255]);
  });
});

describe('Edit Image shear and transparent', () => {
  it('shears along X: the canvas widens by height × tan(angle), the gap filled white', async () => {
    const red = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#ff0000' } }).png().toBuffer();
    const { item } = await editImage({ operation: 'shear', degreesX: 45 }, red);
    const image = await pixels(item!);
    expect(image.width).toBeGreaterThanOrEqual(59);
    expect(image.width).toBeLessThanOrEqual(61);
    expect(image.height).toBeLessThanOrEqual(21);
    // One corner of the widened canvas is background, the middle is the image.
    const corners = [image.at(0, 0), image.at(0, image.height - 1)].map((p) => p.slice(0, 3).join());
    expect(corners).toContain('255,255,255');
    expect(image.at(30, 10).slice(0, 3)).toEqual([255, 0, 0]);
  });

  it('shears along Y: the canvas grows taller', async () => {
    const { item } = await editImage({ operation: 'shear', degreesY: 30 });
    const image = await pixels(item!);
    expect(image.width).toBeLessThanOrEqual(41);
    expect(image.height).toBeGreaterThanOrEqual(Math.floor(30 + 40 * Math.tan(Math.PI / 6)));
  });

  it('makes exactly the given color transparent and keeps the others', async () => {
    const { item } = await editImage({ operation: 'transparent', color: '#ff0000' }, flag);
    const image = await pixels(item!);
    expect(image.at(5, 5)[3]).toBe(0);
    expect(image.at(30, 5)).toEqual([0, 0, 255, 255]);
    expect(item!.binary!.data.mimeType).toBe('image/png');
  });
});

describe('Edit Image multiStep', () => {
  it('applies the steps in order, each with its own defaults', async () => {
    const { item } = await editImage({
      operation: 'multiStep',
      operations: {
        operations: [
          { operation: 'transparent', color: '#0000ff' },
          { operation: 'border', borderWidth: 2, borderHeight: 3, borderColor: '#00ff00' },
          { operation: 'crop', width: 10, height: 10 },
          { operation: 'resize', width: 20, height: 20, resizeOption: 'ignoreAspectRatio' },
        ],
      },
    }, flag);
    const image = await pixels(item!);
    expect([image.width, image.height]).toEqual([20, 20]);
    // The crop kept the border's top-left corner (green) and part of the red half.
    expect(image.at(0, 0)).toEqual([0, 255, 0, 255]);
    expect(image.at(19, 19)).toEqual([255, 0, 0, 255]);
  });

  it('keeps transparency made by an earlier step when a later one draws', async () => {
    const { item } = await editImage({
      operation: 'multiStep',
      operations: { operations: [{ operation: 'transparent', color: '#ff0000' }, { operation: 'draw', color: '#00ff00', startPositionX: 30, startPositionY: 0, endPositionX: 39, endPositionY: 5 }] },
    }, flag);
    const image = await pixels(item!);
    expect(image.at(5, 5)[3]).toBe(0);
    expect(image.at(35, 2)).toEqual([0, 255, 0, 255]);
    expect(image.at(35, 20)).toEqual([0, 0, 255, 255]);
  });

  it('names an unknown step', async () => {
    expect((await editImage({ operation: 'multiStep', operations: { operations: [{ operation: 'information' }] } })).error).toBe('The step operation "information" is not supported');
  });
});
