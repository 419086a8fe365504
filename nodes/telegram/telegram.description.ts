// Telegram's parameters (n8n-nodes-base.telegram v1–1.2): n8n's names, types, defaults, options and
// display rules, so exported workflows import as they are. The descriptions are our own words.
import type { DisplayOptions, NodeProperty } from '../../engine/index.ts';
import { telegramSendAndWaitProperties } from './telegram-send-and-wait.ts';

const on = (resource: string[], operation: string[], more: Record<string, unknown[]> = {}): DisplayOptions =>
  ({ show: { resource, operation, ...more } });
const message = (operation: string[], more: Record<string, unknown[]> = {}) => on(['message'], operation, more);
const choice = (name: string, value: string, description?: string) => ({ name, value, ...(description ? { description } : {}) });

const FILE_OPERATIONS = ['sendAnimation', 'sendAudio', 'sendDocument', 'sendPhoto', 'sendVideo', 'sendSticker'];
const PARSE_MODES = [choice('Markdown (legacy)', 'Markdown'), choice('MarkdownV2', 'MarkdownV2'), choice('HTML', 'HTML')];
const CHAT_ID_OPERATIONS = [
  'administrators', 'deleteMessage', 'get', 'leave', 'member', 'pinChatMessage', 'setDescription', 'setTitle', 'sendAnimation', 'sendAudio',
  'sendChatAction', 'sendDocument', 'sendLocation', 'sendMessage', 'sendMessageDraft', 'sendMediaGroup', 'sendPhoto', 'sendRichMessage',
  'sendRichMessageDraft', 'sendSticker', 'sendVideo', 'unpinChatMessage',
];

function operations(resource: string, options: Array<{ name: string; value: string; description?: string }>, fallback: string): NodeProperty {
  return { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, displayOptions: { show: { resource: [resource] } }, options, default: fallback };
}

function fileParameter(operation: string, displayName: string): NodeProperty {
  return {
    displayName, name: 'file', type: 'string', default: '', displayOptions: message([operation], { binaryData: [false] }),
    description: `The ${displayName.toLowerCase()} to send: a file_id Telegram already has, or an HTTP URL Telegram fetches it from`,
  };
}

/** A keyboard: rows of buttons, each a label and the extra button fields Telegram takes. */
function keyboard(name: string, displayName: string, extra: NodeProperty[], displayOptions: DisplayOptions): NodeProperty {
  return {
    displayName, name, type: 'fixedCollection', typeOptions: { multipleValues: true }, placeholder: 'Add keyboard row', displayOptions, default: {},
    options: [{
      displayName: 'Rows', name: 'rows', values: [{
        displayName: 'Row', name: 'row', type: 'fixedCollection', typeOptions: { multipleValues: true }, placeholder: 'Add button', default: {},
        options: [{
          displayName: 'Buttons', name: 'buttons', values: [
            { displayName: 'Text', name: 'text', type: 'string', default: '', description: 'The label on the button' },
            { displayName: 'Additional fields', name: 'additionalFields', type: 'collection', placeholder: 'Add field', default: {}, options: extra },
          ],
        }],
      }],
    }],
  };
}

const webApp: NodeProperty = {
  displayName: 'Web app', name: 'web_app', type: 'collection', placeholder: 'Set Telegram Web App URL', typeOptions: { multipleValues: false }, default: {},
  options: [{ displayName: 'URL', name: 'url', type: 'string', default: '', description: 'The HTTPS address of the Web App to open' }],
};

const inlineButtonFields: NodeProperty[] = [
  { displayName: 'Callback data', name: 'callback_data', type: 'string', default: '', description: 'Data sent back to the bot in a callback query (1-64 bytes)' },
  { displayName: 'Pay', name: 'pay', type: 'boolean', default: false, description: 'Whether this is a Pay button' },
  { displayName: 'Switch inline query current chat', name: 'switch_inline_query_current_chat', type: 'string', default: '', description: 'Inline query inserted in the current chat' },
  { displayName: 'Switch inline query', name: 'switch_inline_query', type: 'string', default: '', description: 'Inline query inserted in a chat the user picks' },
  { displayName: 'URL', name: 'url', type: 'string', default: '', description: 'HTTP or tg:// address opened by the button' },
  webApp,
];

const replyButtonFields: NodeProperty[] = [
  { displayName: 'Request contact', name: 'request_contact', type: 'boolean', default: false, description: 'Whether pressing sends the user’s phone number (private chats only)' },
  { displayName: 'Request location', name: 'request_location', type: 'boolean', default: false, description: 'Whether pressing sends the user’s location' },
  webApp,
];

const onlyFor = (operations: string[]): DisplayOptions => ({ show: { '/operation': operations } });

const messageAdditionalFields: NodeProperty = {
  displayName: 'Additional fields', name: 'additionalFields', type: 'collection', placeholder: 'Add field', default: {},
  displayOptions: message(['editMessageText', 'sendAnimation', 'sendAudio', 'sendDocument', 'sendLocation', 'sendMessage', 'sendMediaGroup', 'sendPhoto', 'sendSticker', 'sendVideo']),
  options: [
    { displayName: 'Append n8n Attribution', name: 'appendAttribution', type: 'boolean', default: true, displayOptions: onlyFor(['sendMessage']),
      description: 'Whether to end the message with “This message was sent automatically with Weft” (n8n’s wording names n8n)' },
    { displayName: 'Caption', name: 'caption', type: 'string', default: '', displayOptions: onlyFor(['sendAnimation', 'sendAudio', 'sendDocument', 'sendPhoto', 'sendVideo']), description: 'Caption, 0-1024 characters' },
    { displayName: 'Disable notification', name: 'disable_notification', type: 'boolean', default: false, displayOptions: { hide: { '/operation': ['editMessageText'] } }, description: 'Whether to send silently (a notification without sound)' },
    { displayName: 'Disable WebPage preview', name: 'disable_web_page_preview', type: 'boolean', default: false, displayOptions: onlyFor(['editMessageText', 'sendMessage']), description: 'Whether links in the message get no preview' },
    { displayName: 'Duration', name: 'duration', type: 'number', typeOptions: { minValue: 0 }, default: 0, displayOptions: onlyFor(['sendAnimation', 'sendAudio', 'sendVideo']), description: 'Length of the clip in seconds' },
    { displayName: 'File name', name: 'fileName', type: 'string', default: '', placeholder: 'image.jpeg',
      displayOptions: { show: { '/operation': FILE_OPERATIONS, '/resource': ['message'], '/binaryData': [true] } } },
    { displayName: 'Height', name: 'height', type: 'number', typeOptions: { minValue: 0 }, default: 0, displayOptions: onlyFor(['sendAnimation', 'sendVideo']), description: 'Video height' },
    { displayName: 'Parse mode', name: 'parse_mode', type: 'options', options: PARSE_MODES, default: 'HTML',
      displayOptions: onlyFor(['editMessageText', 'sendAnimation', 'sendAudio', 'sendMessage', 'sendPhoto', 'sendVideo', 'sendDocument']), description: 'How Telegram formats the text' },
    { displayName: 'Performer', name: 'performer', type: 'string', default: '', displayOptions: onlyFor(['sendAudio']), description: 'Who performs the audio' },
    { displayName: 'Reply to message ID', name: 'reply_to_message_id', type: 'number', default: 0, displayOptions: { hide: { '/operation': ['editMessageText'] } }, description: 'The message this one answers' },
    { displayName: 'Message thread ID', name: 'message_thread_id', type: 'number', default: 0,
      displayOptions: onlyFor(['sendAnimation', 'sendAudio', 'sendChatAction', 'sendDocument', 'sendLocation', 'sendMediaGroup', 'sendMessage', 'sendPhoto', 'sendSticker', 'sendVideo']),
      description: 'The forum topic to post in' },
    { displayName: 'Title', name: 'title', type: 'string', default: '', displayOptions: onlyFor(['sendAudio']), description: 'Track title' },
    { displayName: 'Thumbnail', name: 'thumb', type: 'string', default: '', displayOptions: onlyFor(['sendAnimation', 'sendAudio', 'sendDocument', 'sendVideo']), description: 'A JPEG thumbnail under 200 kB, at most 320 pixels wide and high' },
    { displayName: 'Width', name: 'width', type: 'number', typeOptions: { minValue: 0 }, default: 0, displayOptions: onlyFor(['sendAnimation', 'sendVideo']), description: 'Video width' },
  ],
};

const callbackAdditionalFields = (operation: string): NodeProperty => ({
  displayName: 'Additional fields', name: 'additionalFields', type: 'collection', placeholder: 'Add field', default: {}, displayOptions: on(['callback'], [operation]),
  options: [
    { displayName: 'Cache time', name: 'cache_time', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Seconds clients may cache the answer' },
    { displayName: 'Show alert', name: 'show_alert', type: 'boolean', default: false, description: 'Whether the client shows an alert instead of a notification' },
    { displayName: 'Text', name: 'text', type: 'string', default: '', description: 'Notification text, 0-200 characters; none shows nothing' },
    { displayName: 'URL', name: 'url', type: 'string', default: '', description: 'Address the user’s client opens' },
  ],
});

export const telegramProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'message',
    options: [choice('Chat', 'chat'), choice('Callback', 'callback'), choice('File', 'file'), choice('Message', 'message')] },
  operations('chat', [
    choice('Get', 'get', 'Get current information about a chat'), choice('Get administrators', 'administrators', 'List the administrators of a chat'),
    choice('Get member', 'member', 'Get one member of a chat'), choice('Leave', 'leave', 'Leave a group, supergroup or channel'),
    choice('Set description', 'setDescription', 'Change the description of a chat'), choice('Set title', 'setTitle', 'Change the title of a chat'),
  ], 'get'),
  operations('callback', [
    choice('Answer query', 'answerQuery', 'Answer a callback query from an inline keyboard'), choice('Answer inline query', 'answerInlineQuery', 'Answer an inline query'),
  ], 'answerQuery'),
  operations('file', [choice('Get', 'get', 'Get a file')], 'get'),
  operations('message', [
    choice('Delete chat message', 'deleteMessage'), choice('Edit message text', 'editMessageText'), choice('Pin chat message', 'pinChatMessage'),
    choice('Send animation', 'sendAnimation'), choice('Send audio', 'sendAudio'), choice('Send chat action', 'sendChatAction'), choice('Send document', 'sendDocument'),
    choice('Send location', 'sendLocation'), choice('Send media group', 'sendMediaGroup'), choice('Send message', 'sendMessage'),
    choice('Send message draft', 'sendMessageDraft'), choice('Send rich message', 'sendRichMessage'), choice('Send rich message draft', 'sendRichMessageDraft'),
    choice('Send and wait for response', 'sendAndWait'), choice('Send photo', 'sendPhoto'), choice('Send sticker', 'sendSticker'), choice('Send video', 'sendVideo'),
    choice('Unpin chat message', 'unpinChatMessage'),
  ], 'sendMessage'),

  ...telegramSendAndWaitProperties,
  { displayName: 'Chat ID', name: 'chatId', type: 'string', default: '', required: true, displayOptions: on(['chat', 'message'], CHAT_ID_OPERATIONS),
    description: 'The chat’s numeric ID or a channel’s @username' },
  { displayName: 'Message ID', name: 'messageId', type: 'string', default: '', required: true, displayOptions: message(['deleteMessage']), description: 'The message to delete' },
  { displayName: 'Message ID', name: 'messageId', type: 'string', default: '', required: true, displayOptions: message(['pinChatMessage', 'unpinChatMessage']), description: 'The message to pin or unpin' },
  { displayName: 'Additional fields', name: 'additionalFields', type: 'collection', placeholder: 'Add field', default: {}, displayOptions: message(['pinChatMessage']),
    options: [{ displayName: 'Disable notification', name: 'disable_notification', type: 'boolean', default: false, description: 'Whether members are not notified of the pin' }] },

  { displayName: 'User ID', name: 'userId', type: 'string', default: '', required: true, displayOptions: on(['chat'], ['member']), description: 'The user to look up' },
  { displayName: 'Description', name: 'description', type: 'string', default: '', required: true, displayOptions: on(['chat'], ['setDescription']), description: 'The new description, 0-255 characters' },
  { displayName: 'Title', name: 'title', type: 'string', default: '', required: true, displayOptions: on(['chat'], ['setTitle']), description: 'The new title, 1-255 characters' },

  { displayName: 'Query ID', name: 'queryId', type: 'string', default: '', required: true, displayOptions: on(['callback'], ['answerQuery']), description: 'The callback query to answer' },
  callbackAdditionalFields('answerQuery'),
  { displayName: 'Query ID', name: 'queryId', type: 'string', default: '', required: true, displayOptions: on(['callback'], ['answerInlineQuery']), description: 'The inline query to answer' },
  { displayName: 'Results', name: 'results', type: 'string', default: '', required: true, displayOptions: on(['callback'], ['answerInlineQuery']), description: 'The results, as a JSON array' },
  callbackAdditionalFields('answerInlineQuery'),

  { displayName: 'File ID', name: 'fileId', type: 'string', default: '', required: true, displayOptions: on(['file'], ['get']), description: 'The file to get' },
  { displayName: 'Download', name: 'download', type: 'boolean', default: true, displayOptions: on(['file'], ['get']), description: 'Whether to download the file into binary data' },
  { displayName: 'Additional fields', name: 'additionalFields', type: 'collection', placeholder: 'Add field', default: {}, displayOptions: on(['file'], ['get'], { download: [true] }),
    options: [{ displayName: 'MIME type', name: 'mimeType', type: 'string', placeholder: 'image/jpeg', default: '', description: 'The file’s MIME type; by default it follows the file extension' }] },

  { displayName: 'Message type', name: 'messageType', type: 'options', default: 'message', displayOptions: message(['editMessageText']),
    options: [choice('Inline message', 'inlineMessage'), choice('Message', 'message')], description: 'Which kind of message to edit' },
  { displayName: 'Chat ID', name: 'chatId', type: 'string', default: '', required: true, displayOptions: message(['editMessageText'], { messageType: ['message'] }),
    description: 'The chat’s numeric ID or a channel’s @username' },
  { displayName: 'Binary file', name: 'binaryData', type: 'boolean', default: false, required: true, displayOptions: message(FILE_OPERATIONS),
    description: 'Whether to upload the file from a binary field of the item' },
  { displayName: 'Input binary field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, displayOptions: message(FILE_OPERATIONS, { binaryData: [true] }),
    description: 'The binary field holding the file to upload' },
  { displayName: 'Message ID', name: 'messageId', type: 'string', default: '', required: true, displayOptions: message(['editMessageText'], { messageType: ['message'] }), description: 'The message to edit' },
  { displayName: 'Inline message ID', name: 'inlineMessageId', type: 'string', default: '', required: true, displayOptions: message(['editMessageText'], { messageType: ['inlineMessage'] }), description: 'The inline message to edit' },
  { displayName: 'Reply markup', name: 'replyMarkup', type: 'options', default: 'none', displayOptions: message(['editMessageText']),
    options: [choice('None', 'none'), choice('Inline keyboard', 'inlineKeyboard')], description: 'Extra interface shown with the message' },

  fileParameter('sendAnimation', 'Animation'),
  fileParameter('sendAudio', 'Audio'),
  { displayName: 'Action', name: 'action', type: 'options', default: 'typing', displayOptions: message(['sendChatAction']), description: 'The status shown to the chat for up to 5 seconds',
    options: ['find_location', 'record_audio', 'record_video', 'record_video_note', 'typing', 'upload_audio', 'upload_document', 'upload_photo', 'upload_video', 'upload_video_note']
      .map((value) => choice(value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), value)) },
  fileParameter('sendDocument', 'Document'),
  { displayName: 'Latitude', name: 'latitude', type: 'number', default: 0, typeOptions: { numberPrecision: 10, minValue: -90, maxValue: 90 }, displayOptions: message(['sendLocation']), description: 'Latitude of the location' },
  { displayName: 'Longitude', name: 'longitude', type: 'number', default: 0, typeOptions: { numberPrecision: 10, minValue: -180, maxValue: 180 }, displayOptions: message(['sendLocation']), description: 'Longitude of the location' },
  { displayName: 'Media', name: 'media', type: 'fixedCollection', typeOptions: { multipleValues: true }, placeholder: 'Add media', default: {}, displayOptions: message(['sendMediaGroup']),
    description: 'The photos and videos of the album',
    options: [{
      displayName: 'Media', name: 'media', values: [
        { displayName: 'Type', name: 'type', type: 'options', default: 'photo', options: [choice('Photo', 'photo'), choice('Video', 'video')], description: 'Photo or video' },
        { displayName: 'Media file', name: 'media', type: 'string', default: '', description: 'A file_id Telegram already has, or an HTTP URL Telegram fetches it from' },
        { displayName: 'Additional fields', name: 'additionalFields', type: 'collection', placeholder: 'Add field', default: {}, options: [
          { displayName: 'Caption', name: 'caption', type: 'string', default: '', description: 'Caption, 0-1024 characters' },
          { displayName: 'Parse mode', name: 'parse_mode', type: 'options', options: PARSE_MODES, default: 'HTML', description: 'How Telegram formats the caption' },
        ] },
      ],
    }],
  },
  { displayName: 'Text', name: 'text', type: 'string', default: '', required: true, displayOptions: message(['editMessageText', 'sendMessage']), description: 'The text of the message' },
  fileParameter('sendPhoto', 'Photo'),
  fileParameter('sendSticker', 'Sticker'),
  fileParameter('sendVideo', 'Video'),

  { displayName: 'Reply markup', name: 'replyMarkup', type: 'options', default: 'none',
    displayOptions: message(['sendAnimation', 'sendDocument', 'sendMessage', 'sendPhoto', 'sendRichMessage', 'sendSticker', 'sendVideo', 'sendAudio', 'sendLocation']),
    options: [choice('Force reply', 'forceReply'), choice('Inline keyboard', 'inlineKeyboard'), choice('None', 'none'), choice('Reply keyboard', 'replyKeyboard'), choice('Reply keyboard remove', 'replyKeyboardRemove')],
    description: 'Extra interface shown with the message' },
  { displayName: 'Force reply', name: 'forceReply', type: 'collection', placeholder: 'Add field', default: {}, displayOptions: { show: { replyMarkup: ['forceReply'], resource: ['message'] } },
    options: [
      { displayName: 'Force reply', name: 'force_reply', type: 'boolean', default: false, description: 'Whether the user’s client opens a reply to this message' },
      { displayName: 'Selective', name: 'selective', type: 'boolean', default: false, description: 'Whether only some users are asked' },
    ] },
  keyboard('inlineKeyboard', 'Inline keyboard', inlineButtonFields, { show: { replyMarkup: ['inlineKeyboard'], resource: ['message'] } }),
  keyboard('replyKeyboard', 'Reply keyboard', replyButtonFields, { show: { replyMarkup: ['replyKeyboard'] } }),
  { displayName: 'Reply keyboard options', name: 'replyKeyboardOptions', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: { show: { replyMarkup: ['replyKeyboard'] } },
    options: [
      { displayName: 'Resize keyboard', name: 'resize_keyboard', type: 'boolean', default: false, description: 'Whether clients fit the keyboard’s height to its buttons' },
      { displayName: 'One time keyboard', name: 'one_time_keyboard', type: 'boolean', default: false, description: 'Whether clients hide the keyboard once used' },
      { displayName: 'Selective', name: 'selective', type: 'boolean', default: false, description: 'Whether only some users see the keyboard' },
    ] },
  { displayName: 'Reply keyboard remove', name: 'replyKeyboardRemove', type: 'collection', placeholder: 'Add field', default: {}, displayOptions: { show: { replyMarkup: ['replyKeyboardRemove'] } },
    options: [
      { displayName: 'Remove keyboard', name: 'remove_keyboard', type: 'boolean', default: false, description: 'Whether clients remove the custom keyboard' },
      { displayName: 'Selective', name: 'selective', type: 'boolean', default: false, description: 'Whether only some users are affected' },
    ] },
  messageAdditionalFields,
];
