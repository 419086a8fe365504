// Image › Edit Image (v2): one or more input images (gpt-image models) or one square PNG (dall-e-2),
// edited from a prompt, optionally through a mask; answers as binary files or as URLs (dall-e-2).
import type OpenAI from 'openai';
import type { ExecuteContext, Item, JsonObject, NodeProperty } from '../../engine/index.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { collection, fixedValues, param } from '../shared/params.ts';

const GPT_IMAGE = ['gpt-image-1', 'gpt-image-1.5'];
const forModels = (models: string[], p: NodeProperty): NodeProperty => ({ ...p, displayOptions: { show: { '/model': models, ...(p.displayOptions?.show ?? {}) } } });
const choices = (values: Array<[string, string]>) => values.map(([name, value]) => ({ name, value }));

export const imageEditProperties: NodeProperty[] = [
  { displayName: 'Model', name: 'model', type: 'options', default: 'gpt-image-1', description: 'The model to use for image generation', options: choices([['DALL·E 2', 'dall-e-2'], ['GPT Image 1', 'gpt-image-1'], ['GPT Image 1.5', 'gpt-image-1.5']]) },
  { displayName: 'Prompt', name: 'prompt', type: 'string', default: '', required: true, placeholder: 'A beautiful sunset over mountains', typeOptions: { rows: 2 } },
  forModels(GPT_IMAGE, {
    displayName: 'Images', name: 'images', type: 'fixedCollection', default: { values: [{ binaryPropertyName: 'data' }] }, placeholder: 'Add Image',
    typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Image' },
    options: [{ displayName: 'Image', name: 'values', values: [{ displayName: 'Binary Field Name', name: 'binaryPropertyName', type: 'string', default: 'data' }] }],
  }),
  forModels(['dall-e-2'], { displayName: 'Binary Field Name', name: 'binaryPropertyName', type: 'string', default: 'data', description: 'Name of the binary property which contains the image. It should be a square png file less than 4MB.' }),
  { displayName: 'Number of Images', name: 'n', type: 'number', default: 1, typeOptions: { minValue: 1, maxValue: 10 } },
  { displayName: 'Size', name: 'size', type: 'options', default: '1024x1024', options: choices([['256x256', '256x256'], ['512x512', '512x512'], ['1024x1024', '1024x1024'], ['1024x1536 (Portrait)', '1024x1536'], ['1536x1024 (Landscape)', '1536x1024'], ['Auto', 'auto']]) },
  forModels(GPT_IMAGE, { displayName: 'Quality', name: 'quality', type: 'options', default: 'auto', options: choices([['Auto', 'auto'], ['High', 'high'], ['Medium', 'medium'], ['Low', 'low'], ['Standard', 'standard']]) }),
  forModels(['dall-e-2'], { displayName: 'Response Format', name: 'responseFormat', type: 'options', default: 'url', options: choices([['URL', 'url'], ['Base64 JSON', 'b64_json']]) }),
  forModels(GPT_IMAGE, { displayName: 'Output Format', name: 'outputFormat', type: 'options', default: 'png', options: choices([['PNG', 'png'], ['JPEG', 'jpeg'], ['WebP', 'webp']]) }),
  forModels(GPT_IMAGE, { displayName: 'Output Compression', name: 'outputCompression', type: 'number', default: 100, typeOptions: { minValue: 0, maxValue: 100 }, displayOptions: { show: { outputFormat: ['webp', 'jpeg'] } } }),
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [
      { displayName: 'User', name: 'user', type: 'string', default: '' },
      forModels(GPT_IMAGE, { displayName: 'Background', name: 'background', type: 'options', default: 'auto', options: choices([['Auto', 'auto'], ['Transparent', 'transparent'], ['Opaque', 'opaque']]) }),
      forModels(GPT_IMAGE, { displayName: 'Input Fidelity', name: 'inputFidelity', type: 'options', default: 'low', options: choices([['Low', 'low'], ['High', 'high']]) }),
      { displayName: 'Image Mask', name: 'imageMask', type: 'string', default: 'data', description: 'Name of the binary property holding a PNG whose transparent areas mark where to edit' },
    ],
  },
];

export async function editImage(ctx: ExecuteContext, client: OpenAI, i: number): Promise<Item[]> {
  const { toFile } = await import('openai');
  const item = ctx.getInputData()[i];
  const upload = (property: string) => {
    const { buffer, binary } = binaryBuffer(ctx.node.name, item, property, i);
    return toFile(buffer, binary.fileName ?? 'data', { type: binary.mimeType });
  };
  const model = String(ctx.getNodeParameter('model', i, 'gpt-image-1'));
  const gptImage = model.startsWith('gpt-image-1');
  const options = collection(ctx, 'options', i);
  const responseFormat = gptImage ? 'b64_json' : param(ctx, 'responseFormat', i, 'url');
  const fields = gptImage ? fixedValues(ctx, 'images', 'values', i).map((v) => String(v.binaryPropertyName ?? '')).filter(Boolean) : [];
  const image = gptImage ? await Promise.all((fields.length ? fields : ['data']).map(upload)) : await upload(param(ctx, 'binaryPropertyName', i, 'data'));
  const body: Record<string, unknown> = { image, prompt: String(ctx.getNodeParameter('prompt', i, '')), model, n: param(ctx, 'n', i, 1), size: param(ctx, 'size', i, '1024x1024') };
  if (!gptImage) body.response_format = responseFormat;
  if (options.user) body.user = options.user;
  if (gptImage) {
    body.quality = param(ctx, 'quality', i, 'auto');
    if (options.background) body.background = options.background;
    if (options.inputFidelity) body.input_fidelity = options.inputFidelity;
  }
  if (typeof options.imageMask === 'string' && options.imageMask) body.mask = await upload(options.imageMask);
  const response = await client.images.edit(body as never, { signal: ctx.signal }) as OpenAI.Images.ImagesResponse;
  if (responseFormat === 'url') return (response.data ?? []).map((entry) => ({ json: entry as unknown as JsonObject, pairedItem: { item: i } }));
  return (response.data ?? []).map((entry) => {
    const binary = prepareBinaryData(Buffer.from(entry.b64_json ?? '', 'base64'), 'data', 'image/png');
    const { data: _content, ...meta } = binary;
    return { json: meta as JsonObject, binary: { data: binary }, pairedItem: { item: i } };
  });
}
