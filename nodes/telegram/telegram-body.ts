// What one Telegram node item sends: the Bot API method and its JSON body, built from the node's
// parameters the way n8n's Telegram node builds them (additional fields copied as they are, reply
// markup from the keyboard parameters, sendMessage's parse mode, link preview and attribution rules).
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';

// n8n's wording, naming this product instead of n8n (as the Send Email node does).
export const ATTRIBUTION = 'This message was sent automatically with Weft';

export interface TelegramRequest {
  apiMethod: string;
  body: JsonObject;
}

/** The fields sendMessage's text is checked against: anything that looks like a link. */
const LINK = /(https?|ftp|file):\/\/\S+|www\.\S+|\S+\.\S+/;

/** sendMessage's n8n rules: Markdown by default, previews off without links (and from v1.2 unless set), attribution from v1.1. */
function messageDefaults(body: JsonObject, fields: JsonObject, typeVersion: number): void {
  if (typeVersion >= 1.1 && fields.appendAttribution === undefined) fields.appendAttribution = true;
  if (!fields.parse_mode) fields.parse_mode = 'Markdown';
  if (!LINK.test(String(body.text ?? ''))) body.disable_web_page_preview = true;
  if (fields.appendAttribution) {
    if (fields.parse_mode === 'Markdown') body.text = `${String(body.text)}\n\n_${ATTRIBUTION}_`;
    else if (fields.parse_mode === 'HTML') body.text = `${String(body.text)}\n\n<em>${ATTRIBUTION}</em>`;
  }
  if (typeVersion >= 1.2 && fields.disable_web_page_preview === undefined) body.disable_web_page_preview = true;
}

/** Keyboard rows as Telegram takes them: each button its label plus its extra fields. */
function keyboardRows(value: JsonObject): JsonObject[][] {
  const rows = Array.isArray(value.rows) ? (value.rows as JsonObject[]) : [];
  const out: JsonObject[][] = [];
  for (const row of rows) {
    const buttons = (row.row as JsonObject | undefined)?.buttons;
    if (!Array.isArray(buttons)) continue;
    out.push((buttons as JsonObject[]).map((button) => ({ text: button.text, ...((button.additionalFields as JsonObject | undefined) ?? {}) })));
  }
  return out;
}

function replyMarkup(ctx: ExecuteContext, itemIndex: number): JsonObject | undefined {
  const option = param(ctx, 'replyMarkup', itemIndex, 'none');
  if (option === 'inlineKeyboard') return { inline_keyboard: keyboardRows(collection(ctx, 'inlineKeyboard', itemIndex)) };
  if (option === 'replyKeyboard') return { keyboard: keyboardRows(collection(ctx, 'replyKeyboard', itemIndex)), ...collection(ctx, 'replyKeyboardOptions', itemIndex) };
  if (option === 'forceReply') return collection(ctx, 'forceReply', itemIndex);
  if (option === 'replyKeyboardRemove') return collection(ctx, 'replyKeyboardRemove', itemIndex);
  return undefined;
}

/** n8n's addAdditionalFields: the operation's additional fields onto the body, then the reply markup. */
function withFields(ctx: ExecuteContext, operation: string, body: JsonObject, itemIndex: number): JsonObject {
  const fields = { ...collection(ctx, 'additionalFields', itemIndex) };
  if (operation === 'sendMessage') messageDefaults(body, fields, ctx.node.typeVersion);
  delete fields.appendAttribution;
  // The file name names the upload; Telegram has no such field.
  delete fields.fileName;
  Object.assign(body, fields);
  const markup = replyMarkup(ctx, itemIndex);
  if (markup) body.reply_markup = markup;
  return body;
}

const str = (ctx: ExecuteContext, name: string, itemIndex: number) => param<unknown>(ctx, name, itemIndex, '') as string;

/** The file field each upload operation fills (sendPhoto → photo). */
export const uploadField = (operation: string) => operation.replace('send', '').toLowerCase();

/** The Bot API method and body of one item; throws for operations this node does not implement. */
export function buildRequest(ctx: ExecuteContext, resource: string, operation: string, itemIndex: number): TelegramRequest {
  const chat_id = () => str(ctx, 'chatId', itemIndex);
  const message_id = () => str(ctx, 'messageId', itemIndex);
  const fields = () => collection(ctx, 'additionalFields', itemIndex);
  if (resource === 'callback' && operation === 'answerQuery') {
    return { apiMethod: 'answerCallbackQuery', body: { callback_query_id: str(ctx, 'queryId', itemIndex), ...fields() } };
  }
  if (resource === 'callback' && operation === 'answerInlineQuery') {
    return { apiMethod: 'answerInlineQuery', body: { inline_query_id: str(ctx, 'queryId', itemIndex), results: str(ctx, 'results', itemIndex), ...fields() } };
  }
  if (resource === 'chat') {
    const methods: Record<string, string> = {
      get: 'getChat', administrators: 'getChatAdministrators', leave: 'leaveChat', member: 'getChatMember', setDescription: 'setChatDescription', setTitle: 'setChatTitle',
    };
    if (methods[operation]) {
      const body: JsonObject = { chat_id: chat_id() };
      if (operation === 'member') body.user_id = str(ctx, 'userId', itemIndex);
      if (operation === 'setDescription') body.description = str(ctx, 'description', itemIndex);
      if (operation === 'setTitle') body.title = str(ctx, 'title', itemIndex);
      return { apiMethod: methods[operation], body };
    }
  }
  if (resource === 'file' && operation === 'get') return { apiMethod: 'getFile', body: { file_id: str(ctx, 'fileId', itemIndex) } };
  if (resource === 'message') {
    switch (operation) {
      case 'sendMessage':
        return { apiMethod: operation, body: withFields(ctx, operation, { chat_id: chat_id(), text: str(ctx, 'text', itemIndex) }, itemIndex) };
      case 'editMessageText': {
        const body: JsonObject = param(ctx, 'messageType', itemIndex, 'message') === 'inlineMessage'
          ? { inline_message_id: str(ctx, 'inlineMessageId', itemIndex) }
          : { chat_id: chat_id(), message_id: message_id() };
        body.text = str(ctx, 'text', itemIndex);
        return { apiMethod: operation, body: withFields(ctx, operation, body, itemIndex) };
      }
      case 'deleteMessage':
      case 'unpinChatMessage':
        return { apiMethod: operation, body: { chat_id: chat_id(), message_id: message_id() } };
      case 'pinChatMessage': {
        const body: JsonObject = { chat_id: chat_id(), message_id: message_id() };
        if (fields().disable_notification) body.disable_notification = true;
        return { apiMethod: operation, body };
      }
      case 'sendAnimation':
      case 'sendAudio':
      case 'sendDocument':
      case 'sendPhoto':
      case 'sendSticker':
      case 'sendVideo':
        return { apiMethod: operation, body: withFields(ctx, operation, { chat_id: chat_id(), [uploadField(operation)]: str(ctx, 'file', itemIndex) }, itemIndex) };
      case 'sendChatAction':
        return { apiMethod: operation, body: { chat_id: chat_id(), action: param(ctx, 'action', itemIndex, 'typing') } };
      case 'sendLocation':
        return { apiMethod: operation, body: withFields(ctx, operation, { chat_id: chat_id(), latitude: param(ctx, 'latitude', itemIndex, 0), longitude: param(ctx, 'longitude', itemIndex, 0) }, itemIndex) };
      case 'sendMediaGroup': {
        const media = (collection(ctx, 'media', itemIndex).media as JsonObject[] | undefined) ?? [];
        const list = media.map(({ additionalFields, ...entry }) => ({ ...entry, ...((additionalFields as JsonObject | undefined) ?? {}) }));
        return { apiMethod: operation, body: { chat_id: chat_id(), ...fields(), media: list } };
      }
    }
  }
  if (resource === 'message' && ['sendMessageDraft', 'sendRichMessage', 'sendRichMessageDraft'].includes(operation)) {
    throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported by the Telegram node in Weft yet`, { itemIndex });
  }
  if (!['callback', 'chat', 'file', 'message'].includes(resource)) throw new NodeOperationError(ctx.node.name, `The resource "${resource}" is not known!`, { itemIndex });
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not known for the resource "${resource}"`, { itemIndex });
}
