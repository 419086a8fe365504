// Telegram (n8n-nodes-base.telegram v1, 1.1, 1.2): one Bot API call per item. Like n8n, it outputs
// Telegram's whole answer (`{ok, result}`), one item per administrator for chat:administrators,
// and file:get with download adds the file as binary `data`. Uploads from binary go as multipart.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { buildRequest, uploadField } from './telegram-body.ts';
import { callTelegram, downloadTelegramFile, telegramCredentials, type FormPart, type TelegramCall, type TelegramCredentials } from './telegram-api.ts';
import { mimeTypeOf } from './mime-types.ts';
import { telegramSendAndWait } from './telegram-send-and-wait.ts';
import { telegramProperties } from './telegram.description.ts';

// The operation each resource starts with in n8n, for nodes saved without one.
const DEFAULT_OPERATION: Record<string, string> = { chat: 'get', callback: 'answerQuery', file: 'get', message: 'sendMessage' };
const UPLOAD_OPERATIONS = ['sendAnimation', 'sendAudio', 'sendDocument', 'sendPhoto', 'sendVideo', 'sendSticker'];

/** The multipart form of a binary upload: the body's fields as text, the item's file under the operation's field. */
function uploadForm(ctx: ExecuteContext, item: Item, operation: string, body: JsonObject, itemIndex: number): Record<string, FormPart> {
  const property = param(ctx, 'binaryPropertyName', itemIndex, 'data');
  const { buffer, binary } = binaryBuffer(ctx.node.name, item, property, itemIndex);
  const fileName = String(collection(ctx, 'additionalFields', itemIndex).fileName ?? '') || binary.fileName;
  if (!fileName) {
    throw new NodeOperationError(ctx.node.name, `File name is needed to ${operation}. Make sure the property that holds the binary data has the file name property set or set it manually in the node using the File Name parameter under Additional Fields.`, { itemIndex });
  }
  const form: Record<string, FormPart> = {};
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    form[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  form.disable_notification = form.disable_notification || 'false';
  form[uploadField(operation)] = { data: buffer, fileName, mimeType: binary.mimeType };
  return form;
}

async function runItem(ctx: ExecuteContext, call: TelegramCall, credentials: TelegramCredentials, item: Item, itemIndex: number): Promise<Item[]> {
  const resource = param(ctx, 'resource', 0, 'message');
  const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'sendMessage');
  const { apiMethod, body } = buildRequest(ctx, resource, operation, itemIndex);
  const upload = resource === 'message' && UPLOAD_OPERATIONS.includes(operation) && param(ctx, 'binaryData', 0, false);
  const answer = upload
    ? await callTelegram(call, credentials, apiMethod, { form: uploadForm(ctx, item, operation, body, itemIndex) })
    : await callTelegram(call, credentials, apiMethod, { body });
  const paired = { item: itemIndex };
  if (resource === 'file' && operation === 'get' && param(ctx, 'download', itemIndex, true)) {
    const filePath = String((answer.result as JsonObject | undefined)?.file_path ?? '');
    if (!filePath) throw new NodeOperationError(ctx.node.name, 'Telegram did not give a file path to download', { itemIndex });
    const content = await downloadTelegramFile(call, credentials, filePath);
    const fileName = filePath.split('/').pop() ?? filePath;
    const mimeType = String(collection(ctx, 'additionalFields', itemIndex).mimeType ?? '') || mimeTypeOf(fileName);
    return [{ json: answer, binary: { data: prepareBinaryData(content, fileName, mimeType) }, pairedItem: paired }];
  }
  if (resource === 'chat' && operation === 'administrators' && Array.isArray(answer.result)) {
    return (answer.result as JsonObject[]).map((admin) => ({ json: admin, pairedItem: paired }));
  }
  return [{ json: answer, pairedItem: paired }];
}

/** One message for the run, then the run parks (n8n's sendAndWait); the input passes on when it resumes. */
async function sendAndWait(ctx: ExecuteContext, call: TelegramCall, credentials: TelegramCredentials): Promise<Item[][]> {
  try {
    return await telegramSendAndWait(ctx, call, credentials);
  } catch (error) {
    if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, 0);
    const described = error instanceof NodeOperationError ? error.details.description : undefined;
    return [[{ json: { error: described ?? errorMessage(error) }, pairedItem: { item: 0 } }]];
  } finally {
    await call.transport.close();
  }
}

export const telegramNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.telegram',
    displayName: 'Telegram',
    icon: 'fa:paper-plane',
    group: ['output'],
    version: [1, 1.1, 1.2],
    description: 'Sends data to Telegram',
    defaults: { name: 'Telegram' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'telegramApi', required: true }],
    properties: telegramProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const credentials = telegramCredentials(await ctx.credentials.get('telegramApi'));
    const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
    const output: Item[] = [];
    if (param(ctx, 'resource', 0, 'message') === 'message' && param(ctx, 'operation', 0, 'sendMessage') === 'sendAndWait') {
      return sendAndWait(ctx, { transport, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, nodeName: ctx.node.name, itemIndex: 0 }, credentials);
    }
    try {
      for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
        const call: TelegramCall = { transport, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, nodeName: ctx.node.name, itemIndex };
        try {
          output.push(...(await runItem(ctx, call, credentials, items[itemIndex], itemIndex)));
        } catch (error) {
          if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, itemIndex);
          // n8n puts the service's own words (the error's description) on the item when there are any.
          const described = error instanceof NodeOperationError ? error.details.description : undefined;
          output.push({ json: { error: described ?? errorMessage(error) }, pairedItem: { item: itemIndex } });
        }
      }
    } finally {
      await transport.close();
    }
    return [output];
  },
};
