// What Telegram Trigger decides about an update, per typeVersion as in n8n: the secret token it
// registers and expects back, which updates it subscribes to, which updates start a run (update
// type from v1.5, chat and user restrictions from v1.2), and which file of an update it downloads.
import type { JsonObject } from '../../engine/index.ts';

/** The update kinds "Trigger On" names, in the order Telegram documents them. */
export const UPDATE_TYPES = ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'callback_query', 'inline_query', 'pre_checkout_query', 'shipping_query', 'poll'];

/** n8n's secret token: workflow and node id, kept to the characters Telegram allows (A-Z a-z 0-9 _ -). */
export function secretToken(workflowId: string, nodeId: string): string {
  return `${workflowId}_${nodeId}`.replace(/[^a-zA-Z0-9_-]+/g, '');
}

/** setWebhook's allowed_updates: [] (everything) for '*'; from v1.5 callback queries always, as n8n subscribes them. */
export function allowedUpdates(updates: string[], typeVersion: number): string[] {
  if (updates.includes('*')) return [];
  if (typeVersion >= 1.5 && !updates.includes('callback_query')) return [...updates, 'callback_query'];
  return updates;
}

const get = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as JsonObject)[key] : undefined), value);

function firstDefined(update: JsonObject, paths: string[][]): unknown {
  for (const path of paths) {
    const value = get(update, ...path);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

const CHAT_PATHS = [['message', 'chat', 'id'], ['edited_message', 'chat', 'id'], ['channel_post', 'chat', 'id'], ['edited_channel_post', 'chat', 'id'], ['callback_query', 'message', 'chat', 'id']];
const USER_PATHS = [
  ['message', 'from', 'id'], ['edited_message', 'from', 'id'], ['channel_post', 'from', 'id'], ['edited_channel_post', 'from', 'id'],
  ['callback_query', 'from', 'id'], ['inline_query', 'from', 'id'], ['pre_checkout_query', 'from', 'id'], ['shipping_query', 'from', 'id'],
];

const idList = (value: unknown) => String(value).split(',').map((id) => id.trim());

/** Whether the update starts a run: its type is subscribed (v1.5+) and its chat and sender are allowed (v1.2+). */
export function startsRun(update: JsonObject, updates: string[], fields: JsonObject, typeVersion: number): boolean {
  if (typeVersion >= 1.5 && updates.length > 0 && !updates.includes('*')) {
    const type = UPDATE_TYPES.find((key) => update[key] !== undefined);
    if (type && !updates.includes(type)) return false;
  }
  if (typeVersion < 1.2) return true;
  // Before v1.4 only message updates name a chat or user; other updates never match a restriction.
  if (fields.chatIds) {
    const chatId = typeVersion >= 1.4 ? firstDefined(update, CHAT_PATHS) : get(update, 'message', 'chat', 'id');
    if (!idList(fields.chatIds).includes(String(chatId))) return false;
  }
  if (fields.userIds) {
    const userId = typeVersion >= 1.4 ? firstDefined(update, USER_PATHS) : get(update, 'message', 'from', 'id');
    if (!idList(fields.userIds).includes(String(userId))) return false;
  }
  return true;
}

const PHOTO_SIZES: Record<string, number> = { small: 0, medium: 1, large: 2, extraLarge: 3 };

/**
 * The file_id to download for an update with a photo, video or document (of a message, or of a
 * channel post): the photo in the chosen size, else the only size Telegram kept.
 */
export function fileToDownload(update: JsonObject, imageSize: string): string | undefined {
  const post = (update.channel_post ?? update.message) as JsonObject | undefined;
  if (!post) return undefined;
  if (Array.isArray(post.photo) && post.photo.length) {
    const photos = post.photo as JsonObject[];
    const photo = photos[PHOTO_SIZES[imageSize] ?? 2] ?? photos[0];
    return String(photo.file_id);
  }
  const file = (post.video ?? post.document) as JsonObject | undefined;
  return file?.file_id === undefined ? undefined : String(file.file_id);
}
