// X (Twitter) (n8n-nodes-base.twitter): v2 on X API v2 with the OAuth2 credential (tweets, direct
// messages, list members, users) and v1 on API 1.1 with OAuth 1.0a signed requests (tweets, direct
// messages). As n8n: resource and operation come from the first item; lists become one item per entry.
import type { ExecuteContext, Item, JsonObject, NodeType } from '../../engine/index.ts';
import { NodeOperationError } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { pause } from '../shared/rate-limit.ts';
import { twitterClient, twitterRequest, twitterUploadUrl, type TwitterClient } from './twitter-api.ts';
import { languageOptions } from './twitter-languages.ts';
import { twitterV1Properties } from './twitter-v1.description.ts';
import { twitterV2Properties } from './twitter-v2.description.ts';

interface Locator { mode?: string; value?: unknown }

/** A tweet or list ID from a resource locator: as given (id), or the last path part of an x.com/twitter.com URL. */
export function locatorId(ctx: ExecuteContext, locator: unknown, i: number): string {
  const rl = (locator && typeof locator === 'object' ? locator : { mode: 'id', value: locator }) as Locator;
  const value = String(rl.value ?? '');
  if (rl.mode === 'url') {
    try {
      const url = new URL(value);
      const parts = url.pathname.split('/');
      if (/(twitter|x)\.com$/.test(url.hostname)) {
        if (parts.length === 4 && parts[2] === 'status' && /^\d+$/.test(parts[3])) return parts[3];
        if (parts.length === 4 && parts[2] === 'lists' && /^\d+$/.test(parts[3])) return parts[3];
      }
    } catch { /* reported below */ }
    throw new NodeOperationError(ctx.node.name, 'Not a valid tweet url', { itemIndex: i });
  }
  if (rl.mode && rl.mode !== 'id') throw new NodeOperationError(ctx.node.name, `The mode ${rl.mode} is not valid!`, { itemIndex: i });
  return value;
}

/** A user's ID: as given (id mode), or looked up by username (a leading @ dropped). */
async function userId(client: TwitterClient, locator: unknown, i: number): Promise<string> {
  const rl = (locator ?? {}) as Locator;
  if (rl.mode === 'id') return String(rl.value ?? '');
  const username = String(rl.value ?? '').replace('@', '');
  const answer = await twitterRequest(client, { method: 'GET', path: `/2/users/by/username/${encodeURIComponent(username)}` });
  const id = (answer.data as JsonObject | undefined)?.id;
  if (id === undefined) throw new NodeOperationError(client.ctx.node.name, `The user "${username}" was not found`, { itemIndex: i });
  return String(id);
}

async function me(client: TwitterClient): Promise<string> {
  return String(((await twitterRequest(client, { method: 'GET', path: '/2/users/me' })).data as JsonObject).id);
}

const dataOf = (answer: JsonObject) => answer.data;

async function runV2(client: TwitterClient, resource: string, operation: string, i: number): Promise<unknown> {
  const { ctx } = client;
  const extra = collection(ctx, 'additionalFields', i);
  if (resource === 'tweet') {
    switch (operation) {
      case 'create': {
        const body: JsonObject = { text: param(ctx, 'text', i, '') };
        if (extra.location) body.geo = { place_id: extra.location };
        if (extra.attachments) body.media = { media_ids: [extra.attachments] };
        if (extra.inQuoteToStatusId) body.quote_tweet_id = locatorId(ctx, extra.inQuoteToStatusId, i);
        if (extra.inReplyToStatusId) body.reply = { in_reply_to_tweet_id: locatorId(ctx, extra.inReplyToStatusId, i) };
        return dataOf(await twitterRequest(client, { method: 'POST', path: '/2/tweets', json: body }));
      }
      case 'delete':
        return dataOf(await twitterRequest(client, { method: 'DELETE', path: `/2/tweets/${locatorId(ctx, param<unknown>(ctx, 'tweetDeleteId', i, ''), i)}` }));
      case 'like':
      case 'retweet': {
        const tweetId = locatorId(ctx, param<unknown>(ctx, 'tweetId', i, ''), i);
        const user = await me(client);
        return dataOf(await twitterRequest(client, { method: 'POST', path: `/2/users/${user}/${operation === 'like' ? 'likes' : 'retweets'}`, json: { tweet_id: tweetId } }));
      }
      case 'search': {
        const query: JsonObject = { query: param(ctx, 'searchText', i, '') };
        if (extra.endTime) query.end_time = new Date(String(extra.endTime)).toISOString();
        if (extra.sortOrder) query.sort_order = extra.sortOrder;
        if (extra.startTime) query.start_time = new Date(String(extra.startTime)).toISOString();
        if (Array.isArray(extra.tweetFieldsObject) && extra.tweetFieldsObject.length) query['tweet.fields'] = extra.tweetFieldsObject.join(',');
        if (!param(ctx, 'returnAll', i, false)) {
          return dataOf(await twitterRequest(client, { method: 'GET', path: '/2/tweets/search/recent', query: { ...query, max_results: param(ctx, 'limit', i, 50) } }));
        }
        // As n8n: pages of 10, following meta.next_token.
        const all: unknown[] = [];
        for (let next: unknown; ;) {
          const page = await twitterRequest(client, { method: 'GET', path: '/2/tweets/search/recent', query: { ...query, max_results: 10, next_token: next } });
          if (Array.isArray(page.data)) all.push(...page.data);
          next = (page.meta as JsonObject | undefined)?.next_token;
          if (!next) return all;
        }
      }
      default:
        break;
    }
  }
  if (resource === 'user' && operation === 'searchUser') {
    if (param(ctx, 'me', i, false)) return dataOf(await twitterRequest(client, { method: 'GET', path: '/2/users/me' }));
    const rl = param<Locator>(ctx, 'user', i, { mode: 'username', value: '' });
    if (rl.mode === 'id') return dataOf(await twitterRequest(client, { method: 'GET', path: `/2/users/${encodeURIComponent(String(rl.value))}` }));
    return dataOf(await twitterRequest(client, { method: 'GET', path: `/2/users/by/username/${encodeURIComponent(String(rl.value ?? '').replace('@', ''))}` }));
  }
  if (resource === 'list' && operation === 'add') {
    const user = await userId(client, param<unknown>(ctx, 'user', i, {}), i);
    const list = locatorId(ctx, param<unknown>(ctx, 'list', i, ''), i);
    return dataOf(await twitterRequest(client, { method: 'POST', path: `/2/lists/${list}/members`, json: { user_id: user } }));
  }
  if (resource === 'directMessage' && operation === 'create') {
    const user = await userId(client, param<unknown>(ctx, 'user', i, {}), i);
    const body: JsonObject = { text: param(ctx, 'text', i, '') };
    if (extra.attachments) body.attachments = [{ media_id: extra.attachments }];
    return dataOf(await twitterRequest(client, { method: 'POST', path: `/2/dm_conversations/with/${user}/messages`, json: body }));
  }
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex: i });
}

const flag = (value: unknown) => (value ? String(value) : undefined);
const CHUNK_BYTES = 5 * 1024 * 1024;

/**
 * n8n's v1.1 media upload for each named binary property: an image in one form POST (`media_data`),
 * other media by INIT / APPEND (5 MB base64 chunks) / FINALIZE, waiting `check_after_secs` if asked.
 */
async function uploadMedia(client: TwitterClient, properties: string[], i: number): Promise<JsonObject[]> {
  const { ctx } = client;
  const upload = (form: Record<string, string>) => twitterRequest(client, { method: 'POST', baseUrl: twitterUploadUrl(), path: '/1.1/media/upload.json', form });
  const media: JsonObject[] = [];
  for (const property of properties) {
    const { buffer, binary } = binaryBuffer(ctx.node.name, ctx.getInputData()[i], property, i);
    const isImage = binary.mimeType.includes('image');
    if (isImage && buffer.toString().includes('ANMF')) {
      throw new NodeOperationError(ctx.node.name, 'Animated .webp images are not supported use .gif instead', { itemIndex: i });
    }
    if (isImage) {
      media.push(await upload({ media_data: buffer.toString('base64') }));
      continue;
    }
    const started = await upload({ command: 'INIT', total_bytes: String(buffer.byteLength), media_type: binary.mimeType });
    const mediaId = String(started.media_id_string);
    for (let index = 0, offset = 0; offset < buffer.length; index++, offset += CHUNK_BYTES) {
      await upload({ name: binary.fileName ?? '', command: 'APPEND', media_id: mediaId, media_data: buffer.subarray(offset, offset + CHUNK_BYTES).toString('base64'), segment_index: String(index) });
    }
    const finished = await upload({ command: 'FINALIZE', media_id: mediaId });
    const processing = finished.processing_info as JsonObject | undefined;
    if (processing?.check_after_secs) await pause(Number(processing.check_after_secs) * 1000, ctx.signal);
    media.push(finished);
  }
  return media;
}

const propertyList = (value: unknown) => String(value).split(',').map((name) => name.trim()).filter(Boolean);

async function runV1(client: TwitterClient, resource: string, operation: string, i: number): Promise<unknown> {
  const { ctx } = client;
  const extra = collection(ctx, 'additionalFields', i);
  if (resource === 'directMessage' && operation === 'create') {
    const messageData: JsonObject = { text: param(ctx, 'text', i, '') };
    if (extra.attachment) {
      const [first] = await uploadMedia(client, propertyList(extra.attachment), i);
      messageData.attachment = { type: 'media', media: { id: first?.media_id_string } };
    }
    const event = { type: 'message_create', message_create: { target: { recipient_id: param(ctx, 'userId', i, '') }, message_data: messageData } };
    return (await twitterRequest(client, { method: 'POST', path: '/1.1/direct_messages/events/new.json', json: { event } })).event;
  }
  if (resource === 'tweet') {
    const tweetId = () => String(param<unknown>(ctx, 'tweetId', i, ''));
    switch (operation) {
      case 'create': {
        // As n8n: the status update's fields go in the query string of the POST.
        const query: JsonObject = { status: param(ctx, 'text', i, '') };
        if (extra.inReplyToStatusId) Object.assign(query, { in_reply_to_status_id: extra.inReplyToStatusId, auto_populate_reply_metadata: true });
        if (extra.attachments) query.media_ids = (await uploadMedia(client, propertyList(extra.attachments), i)).map((m) => m.media_id_string).join(',');
        if (extra.possiblySensitive) query.possibly_sensitive = true;
        if (extra.displayCoordinates) query.display_coordinates = true;
        const where = (extra.locationFieldsUi as JsonObject | undefined)?.locationFieldsValues as JsonObject | undefined;
        if (where) Object.assign(query, { lat: parseFloat(String(where.latitude)), long: parseFloat(String(where.longitude)) });
        return twitterRequest(client, { method: 'POST', path: '/1.1/statuses/update.json', query });
      }
      case 'delete':
        return twitterRequest(client, { method: 'POST', path: `/1.1/statuses/destroy/${encodeURIComponent(tweetId())}.json` });
      case 'like':
        return twitterRequest(client, { method: 'POST', path: '/1.1/favorites/create.json', query: { id: tweetId(), include_entities: flag(extra.includeEntities) } });
      case 'retweet':
        return twitterRequest(client, { method: 'POST', path: `/1.1/statuses/retweet/${encodeURIComponent(tweetId())}.json`, query: { id: tweetId(), trim_user: flag(extra.trimUser) } });
      case 'search': {
        const query: JsonObject = { q: param(ctx, 'searchText', i, ''), include_entities: flag(extra.includeEntities), response_type: extra.resultType, until: extra.until, lang: extra.lang };
        const where = (extra.locationFieldsUi as JsonObject | undefined)?.locationFieldsValues as JsonObject | undefined;
        if (where) query.geocode = `${String(where.latitude)},${String(where.longitude)},${String(where.distance)}${String(where.radius)}`;
        query.tweet_mode = extra.tweetMode || 'compat';
        if (!param(ctx, 'returnAll', i, false)) {
          return (await twitterRequest(client, { method: 'GET', path: '/1.1/search/tweets.json', query: { ...query, count: param(ctx, 'limit', 0, 50) } })).statuses;
        }
        // As n8n: pages of 100 while search_metadata names next_results, each after the last max_id.
        const all: unknown[] = [];
        for (let since: unknown; ;) {
          const page = await twitterRequest(client, { method: 'GET', path: '/1.1/search/tweets.json', query: { ...query, count: 100, since_id: since } });
          if (Array.isArray(page.statuses)) all.push(...page.statuses);
          const meta = page.search_metadata as JsonObject | undefined;
          since = meta?.max_id;
          if (!meta?.next_results) return all;
        }
      }
      default:
        break;
    }
  }
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex: i });
}

function executeFor(version: 1 | 2) {
  return async (ctx: ExecuteContext): Promise<Item[][]> => {
    const items = ctx.getInputData();
    const client = await twitterClient(ctx, version);
    const output: Item[] = [];
    const resource = param(ctx, 'resource', 0, 'tweet');
    const operation = param(ctx, 'operation', 0, resource === 'list' ? 'add' : resource === 'user' ? 'searchUser' : 'create');
    try {
      for (let i = 0; i < items.length; i++) {
        try {
          const answer = version === 2 ? await runV2(client, resource, operation, i) : await runV1(client, resource, operation, i);
          for (const entry of Array.isArray(answer) ? answer : [answer ?? {}]) {
            output.push({ json: entry && typeof entry === 'object' ? (entry as JsonObject) : { data: entry }, pairedItem: { item: i } });
          }
        } catch (error) {
          const failure = serviceCallError(ctx.node.name, error, i);
          if (!ctx.continueOnFail()) throw failure;
          output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
        }
      }
    } finally {
      await client.transport.close();
    }
    return [output];
  };
}

const base = { name: 'n8n-nodes-base.twitter', icon: 'file:x.svg', group: ['output'], inputs: ['main'], outputs: ['main'] };
const methods = { loadOptions: { getLanguages: async () => languageOptions() } };

export const twitterNode: NodeType = {
  description: {
    ...base, displayName: 'X (Formerly Twitter)', version: [2], defaults: { name: 'X' },
    description: 'Post, like, and search tweets, send messages, search users, and add users to lists',
    credentials: [{ name: 'twitterOAuth2Api', required: true }], properties: twitterV2Properties,
  },
  execute: executeFor(2),
  methods,
};

export const twitterNodeV1: NodeType = {
  description: {
    ...base, displayName: 'X (Formerly Twitter)', version: [1], defaults: { name: 'Twitter' }, description: 'Consume Twitter API',
    credentials: [{ name: 'twitterOAuth1Api', required: true }], properties: twitterV1Properties,
  },
  execute: executeFor(1),
  methods,
};
