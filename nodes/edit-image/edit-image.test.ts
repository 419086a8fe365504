// Edit Image on real images: a PNG made with sharp, checked by reading the output back (size, pixels).
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

let red: Buffer;
let blue: Buffer;
beforeAll(async () => {
  red = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#ff0000' } }).png().toBuffer();
  blue = await sharp({ create: { width: 5, height: 5, channels: 3, background: '#0000ff' } }).png().toBuffer();
});

const png = (content: Buffer, fileName = 'red.png') => ({ data: content.toString('base64'), mimeType: 'image/png', fileName, fileExtension: 'png' });

async function editImage(parameters: Record<string, unknown>, items?: Item[], continueOnFail = false) {
  const result = await runChain([{ name: 'E', type: 'n8n-nodes-base.editImage', parameters, continueOnFail }], { items: items ?? [{ json: { id: 1 }, binary: { data: png(red) } }] });
  return { items: outputOf(result, 'E'), error: result.data.resultData.error?.message };
}

const bytes = (item: Item, property = 'data') => Buffer.from(item.binary![property].data, 'base64');
const size = async (item: Item) => {
  const meta = await sharp(bytes(item)).metadata();
  return [meta.width, meta.height];
};
const pixel = async (item: Item, x: number, y: number) => {
  const { data, info } = await sharp(bytes(item)).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
};

describe('editImage', () => {
  it('gives information about the image, keeping the binary', async () => {
    const { items } = await editImage({ operation: 'information' });
    expect(items[0].json).toMatchObject({ format: 'PNG', width: 40, height: 20, geometry: '40x20', channels: 3, hasAlpha: false });
    expect(items[0].binary!.data.fileName).toBe('red.png');
  });

  it('resizes keeping the aspect ratio by default, exactly when asked, by percent', async () => {
    expect(await size((await editImage({ operation: 'resize', width: 20, height: 20 })).items[0])).toEqual([20, 10]);
    expect(await size((await editImage({ operation: 'resize', width: 20, height: 20, resizeOption: 'ignoreAspectRatio' })).items[0])).toEqual([20, 20]);
    expect(await size((await editImage({ operation: 'resize', width: 50, height: 50, resizeOption: 'percent' })).items[0])).toEqual([20, 10]);
    expect(await size((await editImage({ operation: 'resize', width: 400, height: 400, resizeOption: 'onlyIfLarger' })).items[0])).toEqual([40, 20]);
  });

  it('crops, and names a crop outside the image', async () => {
    const { items } = await editImage({ operation: 'crop', width: 10, height: 5, positionX: 2, positionY: 3 });
    expect(await size(items[0])).toEqual([10, 5]);
    expect((await editImage({ operation: 'crop', width: 100, height: 5 })).error).toBe('The crop area 100x5 at 0,0 is outside the 40x20 image');
  });

  it('rotates, adds a border of the given color, blurs', async () => {
    expect(await size((await editImage({ operation: 'rotate', rotate: 90 })).items[0])).toEqual([20, 40]);
    const bordered = (await editImage({ operation: 'border', borderWidth: 3, borderHeight: 2, borderColor: '#00ff00' })).items[0];
    expect(await size(bordered)).toEqual([46, 24]);
    expect(await pixel(bordered, 0, 0)).toEqual([0, 255, 0]);
    expect(await pixel(bordered, 10, 10)).toEqual([255, 0, 0]);
    expect(await size((await editImage({ operation: 'blur', sigma: 3 })).items[0])).toEqual([40, 20]);
  });

  it('composites another binary on top at a position', async () => {
    const { items } = await editImage({ operation: 'composite', dataPropertyNameComposite: 'logo', positionX: 10, positionY: 5 }, [{ json: {}, binary: { data: png(red), logo: png(blue, 'b.png') } }]);
    expect(await pixel(items[0], 12, 7)).toEqual([0, 0, 255]);
    expect(await pixel(items[0], 1, 1)).toEqual([255, 0, 0]);
    expect(items[0].binary!.logo.fileName).toBe('b.png');
  });

  it('draws text in the font color', async () => {
    const { items } = await editImage({ operation: 'text', text: 'WWWW', fontSize: 18, fontColor: '#ffffff', positionX: 2, positionY: 17 });
    const { data } = await sharp(bytes(items[0])).raw().toBuffer({ resolveWithObject: true });
    // Some pixels turned white where the text is.
    let white = 0;
    for (let at = 0; at < data.length; at += 3) if (data[at] > 200 && data[at + 1] > 200 && data[at + 2] > 200) white++;
    expect(white).toBeGreaterThan(10);
  });

  it('creates an image, and converts the format with a file name', async () => {
    const created = (await editImage({ operation: 'create', width: 8, height: 6, backgroundColor: '#123456' }, [{ json: {} }])).items[0];
    expect(await size(created)).toEqual([8, 6]);
    expect(created.binary!.data).toMatchObject({ mimeType: 'image/png', fileName: 'image.png' });
    const jpeg = (await editImage({ operation: 'border', options: { format: 'jpeg', quality: 80, fileName: 'out.jpg' } })).items[0];
    expect(jpeg.binary!.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'out.jpg', fileExtension: 'jpg' });
    expect((await sharp(bytes(jpeg)).metadata()).format).toBe('jpeg');
  });

  it('refuses unsupported operations, non-images and a missing binary', async () => {
    expect((await editImage({ operation: 'smudge' })).error).toBe('The operation "smudge" is not supported yet');
    expect((await editImage({ operation: 'resize' }, [{ json: {}, binary: { data: png(Buffer.from('nope')) } }])).error).toMatch(/unsupported image format/i);
    const { items } = await editImage({ operation: 'information' }, [{ json: {} }, { json: {}, binary: { data: png(red) } }], true);
    expect(items[0].json).toEqual({ error: 'No binary data exists on item!' });
    expect(items[1].json.width).toBe(40);
  });
});
