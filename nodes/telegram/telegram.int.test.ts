// The Telegram node on the real engine against a local stand-in for the Bot API (telegram-test-server.ts,
// written from Telegram's documentation): the requests it sends and the items it outputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { ATTRIBUTION } from './telegram-body.ts';
import { testTelegramCredential } from './telegram-credential-test.ts';
import { BOT_TOKEN, startTelegramStandIn, type TelegramStandIn } from './telegram-test-server.ts';

let telegram: TelegramStandIn;
let credentials: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  telegram = await startTelegramStandIn();
  credentials = { telegramApi: { accessToken: BOT_TOKEN, baseUrl: telegram.url } };
});
afterAll(() => telegram.close());

const node = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Telegram', type: 'n8n-nodes-base.telegram', typeVersion, parameters, continueOnFail, credentials: { telegramApi: { id: '1', name: 'bot' } },
});

async function run(typeVersion: number, parameters: Record<string, unknown>, options: { items?: Item[]; continueOnFail?: boolean } = {}) {
  telegram.seen.length = 0;
  const result = await runChain([node(typeVersion, parameters, options.continueOnFail)], { items: options.items ?? [{ json: {} }], credentials });
  return { result, output: outputOf(result, 'Telegram'), error: result.data.resultData.error };
}

describe('Telegram message:sendMessage', () => {
  it('v1.2 sends Markdown with the attribution, previews off, and outputs Telegram\'s whole answer', async () => {
    const { output } = await run(1.2, { chatId: '={{ $json.chat }}', text: '=Hello {{ $json.name }}', additionalFields: {} },
      { items: [{ json: { chat: '42', name: 'Ann' } }, { json: { chat: '43', name: 'Bob' } }] });
    expect(telegram.seen.map((s) => [s.httpMethod, s.apiMethod, s.contentType])).toEqual([
      ['POST', 'sendMessage', 'application/json'], ['POST', 'sendMessage', 'application/json'],
    ]);
    expect(telegram.seen[0].params).toEqual({ chat_id: '42', text: `Hello Ann\n\n_${ATTRIBUTION}_`, parse_mode: 'Markdown', disable_web_page_preview: true });
    expect(output).toHaveLength(2);
    expect(output[1]).toEqual({
      json: { ok: true, result: expect.objectContaining({ chat: expect.objectContaining({ id: 43 }), text: `Hello Bob\n\n_${ATTRIBUTION}_` }) },
      pairedItem: { item: 1 },
    });
  });

  it('v1 appends nothing; v1.1 keeps link previews for text with a link; HTML wraps the attribution in <em>', async () => {
    await run(1, { chatId: '42', text: 'see https://example.com' });
    expect(telegram.seen[0].params).toEqual({ chat_id: '42', text: 'see https://example.com', parse_mode: 'Markdown' });
    await run(1.1, { chatId: '42', text: 'see https://example.com', additionalFields: { parse_mode: 'HTML' } });
    expect(telegram.seen[0].params).toEqual({ chat_id: '42', text: `see https://example.com\n\n<em>${ATTRIBUTION}</em>`, parse_mode: 'HTML' });
    await run(1.2, { chatId: '42', text: 'plain', additionalFields: { appendAttribution: false, parse_mode: 'MarkdownV2', disable_notification: true, reply_to_message_id: 7, message_thread_id: 3 } });
    expect(telegram.seen[0].params).toEqual({ chat_id: '42', text: 'plain', parse_mode: 'MarkdownV2', disable_web_page_preview: true, disable_notification: true, reply_to_message_id: 7, message_thread_id: 3 });
  });

  it('sends inline and reply keyboards, force reply and keyboard removal as reply_markup', async () => {
    const row = (buttons: unknown[]) => ({ row: { buttons } });
    await run(1.2, {
      chatId: '42', text: 'pick', additionalFields: { appendAttribution: false }, replyMarkup: 'inlineKeyboard',
      inlineKeyboard: { rows: [row([{ text: 'Yes', additionalFields: { callback_data: 'yes' } }, { text: 'Docs', additionalFields: { url: 'https://weft.test' } }]), row([{ text: 'No', additionalFields: { callback_data: 'no' } }])] },
    });
    expect(telegram.seen[0].params.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Yes', callback_data: 'yes' }, { text: 'Docs', url: 'https://weft.test' }], [{ text: 'No', callback_data: 'no' }]] });
    await run(1.2, {
      chatId: '42', text: 'pick', additionalFields: { appendAttribution: false }, replyMarkup: 'replyKeyboard',
      replyKeyboard: { rows: [row([{ text: 'Share', additionalFields: { request_contact: true } }])] }, replyKeyboardOptions: { resize_keyboard: true, one_time_keyboard: true },
    });
    expect(telegram.seen[0].params.reply_markup).toEqual({ keyboard: [[{ text: 'Share', request_contact: true }]], resize_keyboard: true, one_time_keyboard: true });
    await run(1.2, { chatId: '42', text: 'x', additionalFields: { appendAttribution: false }, replyMarkup: 'forceReply', forceReply: { force_reply: true } });
    expect(telegram.seen[0].params.reply_markup).toEqual({ force_reply: true });
    await run(1.2, { chatId: '42', text: 'x', additionalFields: { appendAttribution: false }, replyMarkup: 'replyKeyboardRemove', replyKeyboardRemove: { remove_keyboard: true } });
    expect(telegram.seen[0].params.reply_markup).toEqual({ remove_keyboard: true });
  });

  it('fails with Telegram\'s description, or puts it on the item with continue on fail', async () => {
    const failed = await run(1.2, { chatId: 'unknown', text: 'hi' });
    expect(failed.error?.message).toBe('Bad request - please check your parameters');
    expect((failed.error as { description?: string }).description).toBe('Bad Request: chat not found');
    const kept = await run(1.2, { chatId: 'unknown', text: 'hi' }, { continueOnFail: true, items: [{ json: {} }, { json: {} }] });
    expect(kept.output).toEqual([
      { json: { error: 'Bad Request: chat not found' }, pairedItem: { item: 0 } },
      { json: { error: 'Bad Request: chat not found' }, pairedItem: { item: 1 } },
    ]);
  });

  it('waits out a 429 (Retry-After) and then succeeds', async () => {
    telegram.rateLimit('sendMessage', 1);
    const started = Date.now();
    const { output, error } = await run(1.2, { chatId: '42', text: 'slow down' });
    expect(error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(telegram.seen.map((s) => s.apiMethod)).toEqual(['sendMessage', 'sendMessage']);
    expect(output[0].json.ok).toBe(true);
  });

  it('fails with Telegram\'s rate-limit message when 429 answers keep coming', async () => {
    telegram.rateLimit('sendMessage', 0, 5);
    const { error } = await run(1.2, { chatId: '42', text: 'again' });
    expect(telegram.seen.map((s) => s.apiMethod)).toEqual(['sendMessage', 'sendMessage', 'sendMessage']);
    expect(error?.message).toBe('The service is receiving too many requests from you');
    expect((error as { description?: string }).description).toBe('Too Many Requests: retry after 0');
    telegram.rateLimit('sendMessage', 0, 0);
  });

  it('a wrong token is refused with Telegram\'s Unauthorized', async () => {
    telegram.seen.length = 0;
    const result = await runChain([node(1.2, { chatId: '42', text: 'x' })], { items: [{ json: {} }], credentials: { telegramApi: { accessToken: 'nope', baseUrl: telegram.url } } });
    expect(result.data.resultData.error?.message).toBe('Authorization failed - please check your credentials');
    expect((result.data.resultData.error as { description?: string }).description).toBe('Unauthorized');
  });
});

describe('Telegram file uploads and downloads', () => {
  it('uploads an item\'s binary as multipart under the operation\'s field, with the other fields as text', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const items: Item[] = [{ json: {}, binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'chart.png' } } }];
    const { output } = await run(1.2, { operation: 'sendPhoto', chatId: '42', binaryData: true, additionalFields: { caption: 'Weekly' }, replyMarkup: 'inlineKeyboard',
      inlineKeyboard: { rows: [{ row: { buttons: [{ text: 'Open', additionalFields: { url: 'https://weft.test' } }] } }] } }, { items });
    const [request] = telegram.seen;
    expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.params).toEqual({ chat_id: '42', caption: 'Weekly', disable_notification: 'false', reply_markup: '{"inline_keyboard":[[{"text":"Open","url":"https://weft.test"}]]}' });
    expect(request.files).toEqual([{ field: 'photo', fileName: 'chart.png', type: 'image/png', content: png }]);
    expect(output[0].json).toEqual({ ok: true, result: expect.objectContaining({ photo: [expect.objectContaining({ file_id: 'uploaded:chart.png' })] }) });
  });

  it('sends a document by URL as JSON, and fails clearly without a file name for an upload', async () => {
    await run(1.2, { operation: 'sendDocument', chatId: '42', file: 'https://weft.test/report.pdf', additionalFields: { caption: 'Report' } });
    expect(telegram.seen[0].params).toEqual({ chat_id: '42', document: 'https://weft.test/report.pdf', caption: 'Report' });
    const items: Item[] = [{ json: {}, binary: { data: { data: 'AAA=', mimeType: 'application/pdf' } } }];
    const { error } = await run(1.2, { operation: 'sendDocument', chatId: '42', binaryData: true }, { items });
    expect(error?.message).toMatch(/^File name is needed to sendDocument/);
  });

  it('file:get downloads the file into binary data and outputs getFile\'s answer', async () => {
    const content = Buffer.from('voice bytes');
    telegram.files.set('F1', { path: 'voice/file_7.oga', content });
    const { output } = await run(1.2, { resource: 'file', operation: 'get', fileId: '={{ $json.id }}' }, { items: [{ json: { id: 'F1' } }] });
    expect(telegram.seen.map((s) => [s.apiMethod, s.params])).toEqual([['getFile', { file_id: 'F1' }]]);
    expect(output[0].json).toEqual({ ok: true, result: { file_id: 'F1', file_unique_id: 'u-F1', file_size: content.length, file_path: 'voice/file_7.oga' } });
    expect(output[0].binary?.data).toMatchObject({ mimeType: 'audio/ogg', fileName: 'file_7.oga', fileExtension: 'oga' });
    expect(Buffer.from(output[0].binary!.data.data, 'base64')).toEqual(content);
    const noDownload = await run(1.2, { resource: 'file', operation: 'get', fileId: 'F1', download: false });
    expect(noDownload.output[0].binary).toBeUndefined();
  });
});

describe('Telegram chat, callback and other message operations', () => {
  it('chat:administrators outputs one item per administrator; get, member and setTitle send their fields', async () => {
    const admins = await run(1.2, { resource: 'chat', operation: 'administrators', chatId: '42' });
    expect(admins.output.map((i) => i.json.status)).toEqual(['creator', 'administrator']);
    expect(admins.output.every((i) => JSON.stringify(i.pairedItem) === '{"item":0}')).toBe(true);
    await run(1.2, { resource: 'chat', operation: 'member', chatId: '42', userId: '9' });
    expect(telegram.seen[0]).toMatchObject({ apiMethod: 'getChatMember', params: { chat_id: '42', user_id: '9' } });
    const got = await run(1.2, { resource: 'chat', chatId: '42' });
    expect(got.output[0].json).toEqual({ ok: true, result: expect.objectContaining({ id: 42, type: 'private' }) });
    await run(1.2, { resource: 'chat', operation: 'setTitle', chatId: '42', title: 'Ops' });
    expect(telegram.seen[0]).toMatchObject({ apiMethod: 'setChatTitle', params: { chat_id: '42', title: 'Ops' } });
  });

  it('answers callback queries, edits, pins, deletes and sends chat actions, locations and media groups', async () => {
    await run(1.2, { resource: 'callback', queryId: 'q1', additionalFields: { text: 'Done', show_alert: true } });
    expect(telegram.seen[0]).toMatchObject({ apiMethod: 'answerCallbackQuery', params: { callback_query_id: 'q1', text: 'Done', show_alert: true } });
    const edited = await run(1.2, { operation: 'editMessageText', chatId: '42', messageId: '7', text: 'new', replyMarkup: 'inlineKeyboard',
      inlineKeyboard: { rows: [{ row: { buttons: [{ text: 'Ok', additionalFields: { callback_data: 'ok' } }] } }] } });
    expect(telegram.seen[0].params).toEqual({ chat_id: '42', message_id: '7', text: 'new', reply_markup: { inline_keyboard: [[{ text: 'Ok', callback_data: 'ok' }]] } });
    expect(edited.output[0].json.ok).toBe(true);
    await run(1.2, { operation: 'pinChatMessage', chatId: '42', messageId: '7', additionalFields: { disable_notification: true } });
    expect(telegram.seen[0].params).toEqual({ chat_id: '42', message_id: '7', disable_notification: true });
    const deleted = await run(1.2, { operation: 'deleteMessage', chatId: '42', messageId: '7' });
    expect(deleted.output[0].json).toEqual({ ok: true, result: true });
    await run(1.2, { operation: 'sendChatAction', chatId: '42', action: 'upload_photo' });
    expect(telegram.seen[0].params).toEqual({ chat_id: '42', action: 'upload_photo' });
    await run(1.2, { operation: 'sendLocation', chatId: '42', latitude: 52.5, longitude: 13.4 });
    expect(telegram.seen[0].params).toEqual({ chat_id: '42', latitude: 52.5, longitude: 13.4 });
    const album = await run(1.2, { operation: 'sendMediaGroup', chatId: '42',
      media: { media: [{ type: 'photo', media: 'P1', additionalFields: { caption: 'one' } }, { type: 'video', media: 'V1' }] } });
    expect(telegram.seen[0].params).toEqual({ chat_id: '42', media: [{ type: 'photo', media: 'P1', caption: 'one' }, { type: 'video', media: 'V1' }] });
    expect((album.output[0].json.result as unknown[]).length).toBe(2);
  });

  it('an operation this node does not implement fails naming it', async () => {
    const { error } = await run(1.2, { operation: 'sendRichMessage', chatId: '42' });
    expect(error?.message).toBe('The operation "sendRichMessage" is not supported by the Telegram node in Weft yet');
    expect(telegram.seen).toEqual([]);
  });
});

describe('the telegramApi credential test', () => {
  it('asks getMe and names the bot; a wrong token says Unauthorized without the token', async () => {
    await expect(testTelegramCredential({ accessToken: BOT_TOKEN, baseUrl: telegram.url }, 5000)).resolves.toBe('Connection successful: bot @weft_test_bot');
    const refused = testTelegramCredential({ accessToken: 'secret-token', baseUrl: telegram.url }, 5000);
    await expect(refused).rejects.toThrow('Authorization failed - please check your credentials: Unauthorized');
    await expect(testTelegramCredential({ accessToken: 'secret-token', baseUrl: 'http://127.0.0.1:1' }, 5000)).rejects.toThrow(/ECONNREFUSED|fetch failed/);
  });
});
