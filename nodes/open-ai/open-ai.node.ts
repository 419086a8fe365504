// OpenAI (n8n-nodes-base.openAi v1, 1.1, the legacy node): one OpenAI call per item. Like n8n's
// declarative node, Simplify outputs one item per answer (choices for completions, results for
// moderations), images come out one item each, as a link or as binary `data` from b64_json.
import { type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { createTransport } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { callOpenAi, openAiCredentials, OpenAiApiError, type OpenAiCall, type OpenAiCredentials } from './open-ai-api.ts';
import { buildOpenAiRequest, DEFAULT_OPERATION } from './open-ai-request.ts';
import { openAiProperties } from './open-ai.description.ts';

/** The image type by its first bytes (n8n detects it the same way); OpenAI answers PNG. */
function imageMimeType(content: Buffer): string {
  if (content.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'image/png';
  if (content[0] === 0xff && content[1] === 0xd8) return 'image/jpeg';
  if (content.subarray(0, 4).toString('latin1') === 'RIFF' && content.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return 'image/png';
}

function listOf(answer: JsonObject, key: string): JsonObject[] {
  return Array.isArray(answer[key]) ? (answer[key] as JsonObject[]) : [];
}

function outputItems(ctx: ExecuteContext, resource: string, operation: string, answer: JsonObject, itemIndex: number): Item[] {
  const paired = { item: itemIndex };
  if (resource === 'image') {
    const images = listOf(answer, 'data');
    if (param(ctx, 'responseFormat', itemIndex, 'binaryData') === 'imageUrl') return images.map((json) => ({ json, pairedItem: paired }));
    return images.map((entry) => {
      const content = Buffer.from(String(entry.b64_json ?? ''), 'base64');
      const mimeType = imageMimeType(content);
      // n8n names the file "data" and takes the extension from the detected type.
      const binary = { fileExtension: mimeType === 'image/jpeg' ? 'jpg' : mimeType.slice('image/'.length), ...prepareBinaryData(content, 'data', mimeType) };
      return { json: {}, binary: { data: binary }, pairedItem: paired };
    });
  }
  if (!param(ctx, 'simplifyOutput', itemIndex, true)) return [{ json: answer, pairedItem: paired }];
  if (resource === 'text' && operation === 'moderate') return listOf(answer, 'results').map((json) => ({ json, pairedItem: paired }));
  return listOf(answer, 'choices').map((choice) => ({
    json: resource === 'text' && typeof choice.text === 'string' ? { ...choice, text: choice.text.trim() } : choice,
    pairedItem: paired,
  }));
}

async function runItem(ctx: ExecuteContext, call: OpenAiCall, credentials: OpenAiCredentials, itemIndex: number): Promise<Item[]> {
  const resource = param(ctx, 'resource', 0, 'text');
  const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'complete');
  const { path, body } = buildOpenAiRequest(ctx, resource, operation, itemIndex);
  const answer = await callOpenAi(call, credentials, 'POST', path, body);
  return outputItems(ctx, resource, operation, answer, itemIndex);
}

export const openAiNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.openAi',
    displayName: 'OpenAI',
    icon: 'fa:robot',
    group: ['transform'],
    version: [1, 1.1],
    description: 'Consume Open AI',
    defaults: { name: 'OpenAI' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'openAiApi', required: true }],
    properties: openAiProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const credentials = openAiCredentials(await ctx.credentials.get('openAiApi'));
    const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
    const output: Item[] = [];
    try {
      for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
        const call: OpenAiCall = { transport, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, nodeName: ctx.node.name, itemIndex };
        try {
          output.push(...(await runItem(ctx, call, credentials, itemIndex)));
        } catch (error) {
          const failure = serviceCallError(ctx.node.name, error, itemIndex);
          if (!ctx.continueOnFail()) throw failure;
          // OpenAI's own words are what a user needs on the item; other failures keep n8n's wording.
          output.push({ json: { error: error instanceof OpenAiApiError ? error.serviceMessage : failure.message }, pairedItem: { item: itemIndex } });
        }
      }
    } finally {
      await transport.close();
    }
    return [output];
  },
};
