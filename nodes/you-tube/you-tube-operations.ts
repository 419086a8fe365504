// The YouTube node's operations: each item runs one call (or a list of them) against the Data API v3
// and gives back what YouTube answers, as n8n's node does (lists become one item per entry; delete
// and rate answer `{success: true}`).
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { youTubeRequest, youTubeRequestAll, type Query, type YouTubeClient } from './you-tube-api.ts';
import { CHANNEL_PARTS, PLAYLIST_PARTS } from './you-tube-channel-playlist.description.ts';
import { PLAYLIST_ITEM_PARTS, VIDEO_PARTS } from './you-tube-video.description.ts';
import { uploadBanner, uploadVideo } from './you-tube-upload.ts';

type Answer = JsonObject | JsonObject[];

/** The chosen parts, `*` meaning all of the resource's parts. */
function parts(client: YouTubeClient, itemIndex: number, all: Array<[string, string]>): string {
  const chosen = param<string[]>(client.ctx, 'part', itemIndex, ['*']);
  return (chosen.includes('*') ? all.map(([, value]) => value) : chosen).join(',');
}

/** Only the entries a user set: empty strings and undefined are left out. */
function defined(entries: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== ''));
}

const splitTags = (tags: unknown) => (typeof tags === 'string' && tags ? tags.split(',') : undefined);

async function list(client: YouTubeClient, path: string, query: Query, itemIndex: number): Promise<JsonObject[]> {
  if (param(client.ctx, 'returnAll', itemIndex, false)) return youTubeRequestAll(client, path, query);
  const answer = await youTubeRequest(client, 'GET', path, { ...query, maxResults: param(client.ctx, 'limit', itemIndex, 25) });
  return (answer.items as JsonObject[] | undefined) ?? [];
}

async function channel(client: YouTubeClient, operation: string, i: number): Promise<Answer> {
  const { ctx } = client;
  if (operation === 'get') {
    const answer = await youTubeRequest(client, 'GET', '/youtube/v3/channels', { part: parts(client, i, CHANNEL_PARTS), id: param(ctx, 'channelId', i, '') });
    return (answer.items as JsonObject[] | undefined) ?? [];
  }
  if (operation === 'getAll') {
    // n8n stores the language option as `h1`; YouTube's parameter is `hl`.
    const { h1, ...options } = collection(ctx, 'options', i);
    const query: Query = { part: parts(client, i, CHANNEL_PARTS), ...(h1 ? { hl: String(h1) } : {}), ...options as Query, ...collection(ctx, 'filters', i) as Query };
    // Without a filter that picks channels, the signed-in user's own channels.
    if (!(query.categoryId || query.forUsername || query.id || query.managedByMe)) query.mine = true;
    return list(client, '/youtube/v3/channels', query, i);
  }
  if (operation === 'update') {
    const fields = collection(ctx, 'updateFields', i);
    const branding = (fields.brandingSettingsUi as JsonObject | undefined) ?? {};
    const channelValues = ((branding.channelSettingsValues as JsonObject | undefined)?.channel as JsonObject | undefined) ?? {};
    const imageValues = ((branding.imageSettingsValues as JsonObject | undefined)?.image as JsonObject | undefined) ?? {};
    const body = { id: param(ctx, 'channelId', i, ''), brandingSettings: { channel: defined(channelValues), image: defined(imageValues) } };
    return youTubeRequest(client, 'PUT', '/youtube/v3/channels', { part: 'brandingSettings', onBehalfOfContentOwner: (fields.onBehalfOfContentOwner as string) || undefined }, body);
  }
  if (operation === 'uploadBanner') return uploadBanner(client, i);
  throw unsupported(client, 'channel', operation, i);
}

async function playlist(client: YouTubeClient, operation: string, i: number): Promise<Answer> {
  const { ctx } = client;
  if (operation === 'get') {
    const query: Query = { part: parts(client, i, PLAYLIST_PARTS), id: param(ctx, 'playlistId', i, ''), ...collection(ctx, 'options', i) as Query };
    return ((await youTubeRequest(client, 'GET', '/youtube/v3/playlists', query)).items as JsonObject[] | undefined) ?? [];
  }
  if (operation === 'getAll') {
    const query: Query = { part: parts(client, i, PLAYLIST_PARTS), ...collection(ctx, 'options', i) as Query, ...collection(ctx, 'filters', i) as Query };
    if (!(query.channelId || query.id)) query.mine = true;
    return list(client, '/youtube/v3/playlists', query, i);
  }
  if (operation === 'create' || operation === 'update') {
    const fields = collection(ctx, operation === 'create' ? 'options' : 'updateFields', i);
    const snippet = defined({ title: param(ctx, 'title', i, ''), description: fields.description, tags: splitTags(fields.tags), defaultLanguage: fields.defaultLanguage });
    const status = defined({ privacyStatus: fields.privacyStatus });
    const hasStatus = Object.keys(status).length > 0 || operation === 'update';
    const body: JsonObject = { ...(operation === 'update' ? { id: param(ctx, 'playlistId', i, '') } : {}), snippet, ...(hasStatus ? { status } : {}) };
    const query: Query = {
      part: hasStatus ? 'snippet,status' : 'snippet',
      onBehalfOfContentOwner: (fields.onBehalfOfContentOwner as string) || undefined,
      onBehalfOfContentOwnerChannel: (fields.onBehalfOfContentOwnerChannel as string) || undefined,
    };
    return youTubeRequest(client, operation === 'create' ? 'POST' : 'PUT', '/youtube/v3/playlists', query, body);
  }
  if (operation === 'delete') {
    const owner = collection(ctx, 'options', i).onBehalfOfContentOwner as string | undefined;
    await youTubeRequest(client, 'DELETE', '/youtube/v3/playlists', { id: param(ctx, 'playlistId', i, ''), onBehalfOfContentOwner: owner || undefined });
    return { success: true };
  }
  throw unsupported(client, 'playlist', operation, i);
}

async function playlistItem(client: YouTubeClient, operation: string, i: number): Promise<Answer> {
  const { ctx } = client;
  const owner = () => (collection(ctx, 'options', i).onBehalfOfContentOwner as string) || undefined;
  if (operation === 'get') {
    const query: Query = { part: parts(client, i, PLAYLIST_ITEM_PARTS), id: param(ctx, 'playlistItemId', i, ''), onBehalfOfContentOwner: owner() };
    return ((await youTubeRequest(client, 'GET', '/youtube/v3/playlistItems', query)).items as JsonObject[] | undefined) ?? [];
  }
  if (operation === 'getAll') {
    const query: Query = { part: parts(client, i, PLAYLIST_ITEM_PARTS), playlistId: param(ctx, 'playlistId', i, ''), onBehalfOfContentOwner: owner() };
    return list(client, '/youtube/v3/playlistItems', query, i);
  }
  if (operation === 'add') {
    const options = collection(ctx, 'options', i);
    const body = {
      snippet: defined({ playlistId: param(ctx, 'playlistId', i, ''), resourceId: { kind: 'youtube#video', videoId: param(ctx, 'videoId', i, '') }, position: options.position }),
      contentDetails: defined({ note: options.note, startAt: options.startAt, endAt: options.endAt }),
    };
    return youTubeRequest(client, 'POST', '/youtube/v3/playlistItems', { part: 'snippet,contentDetails', onBehalfOfContentOwner: owner() }, body);
  }
  if (operation === 'delete') {
    await youTubeRequest(client, 'DELETE', '/youtube/v3/playlistItems', { id: param(ctx, 'playlistItemId', i, ''), onBehalfOfContentOwner: owner() });
    return { success: true };
  }
  throw unsupported(client, 'playlistItem', operation, i);
}

/** RFC 3339 for the search date filters, as YouTube wants them. */
function rfc3339(client: YouTubeClient, value: unknown, name: string, i: number): string {
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new NodeOperationError(client.ctx.node.name, `The value in the "${name}" field is not a valid date`, { itemIndex: i });
  return date.toISOString();
}

async function video(client: YouTubeClient, operation: string, i: number): Promise<Answer> {
  const { ctx } = client;
  if (operation === 'get') {
    const query: Query = { part: parts(client, i, VIDEO_PARTS), id: param(ctx, 'videoId', i, ''), ...collection(ctx, 'options', i) as Query };
    return ((await youTubeRequest(client, 'GET', '/youtube/v3/videos', query)).items as JsonObject[] | undefined) ?? [];
  }
  if (operation === 'getAll') {
    const filters = collection(ctx, 'filters', i);
    for (const name of ['publishedAfter', 'publishedBefore']) if (filters[name]) filters[name] = rfc3339(client, filters[name], name, i);
    if (filters.relatedToVideoId && filters.forDeveloper !== undefined) {
      throw new NodeOperationError(ctx.node.name, "When using the parameter 'related to video' the parameter 'for developer' cannot be set", { itemIndex: i });
    }
    const query: Query = { part: 'snippet', type: 'video', ...(Object.keys(filters).length ? {} : { forMine: true }), ...collection(ctx, 'options', i) as Query, ...filters as Query };
    return list(client, '/youtube/v3/search', query, i);
  }
  if (operation === 'upload') return uploadVideo(client, i);
  if (operation === 'update') {
    const fields = collection(ctx, 'updateFields', i);
    const body = {
      id: param(ctx, 'videoId', i, ''),
      snippet: defined({ title: param(ctx, 'title', i, ''), categoryId: param(ctx, 'categoryId', i, ''), description: fields.description, tags: splitTags(fields.tags), defaultLanguage: fields.defaultLanguage }),
      status: defined({ privacyStatus: fields.privacyStatus, embeddable: fields.embeddable, publicStatsViewable: fields.publicStatsViewable, publishAt: fields.publishAt,
        selfDeclaredMadeForKids: fields.selfDeclaredMadeForKids, license: fields.license }),
      recordingDetails: defined({ recordingDate: fields.recordingDate }),
    };
    return youTubeRequest(client, 'PUT', '/youtube/v3/videos', { part: 'snippet,status,recordingDetails' }, body);
  }
  if (operation === 'delete') {
    const owner = collection(ctx, 'options', i).onBehalfOfContentOwner as string | undefined;
    await youTubeRequest(client, 'DELETE', '/youtube/v3/videos', { id: param(ctx, 'videoId', i, ''), onBehalfOfContentOwner: owner || undefined });
    return { success: true };
  }
  if (operation === 'rate') {
    await youTubeRequest(client, 'POST', '/youtube/v3/videos/rate', { id: param(ctx, 'videoId', i, ''), rating: param(ctx, 'rating', i, '') });
    return { success: true };
  }
  throw unsupported(client, 'video', operation, i);
}

async function videoCategory(client: YouTubeClient, operation: string, i: number): Promise<Answer> {
  if (operation !== 'getAll') throw unsupported(client, 'videoCategory', operation, i);
  const answer = await youTubeRequest(client, 'GET', '/youtube/v3/videoCategories', { regionCode: param(client.ctx, 'regionCode', i, ''), part: 'snippet' });
  const items = (answer.items as JsonObject[] | undefined) ?? [];
  return param(client.ctx, 'returnAll', i, false) ? items : items.slice(0, param(client.ctx, 'limit', i, 25));
}

function unsupported(client: YouTubeClient, resource: string, operation: string, itemIndex: number): NodeOperationError {
  return new NodeOperationError(client.ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex });
}

export const DEFAULT_OPERATION: Record<string, string> = { channel: 'getAll', playlist: 'getAll', playlistItem: 'add', video: 'getAll', videoCategory: 'getAll' };

export function runOperation(client: YouTubeClient, resource: string, operation: string, itemIndex: number): Promise<Answer> {
  switch (resource) {
    case 'channel': return channel(client, operation, itemIndex);
    case 'playlist': return playlist(client, operation, itemIndex);
    case 'playlistItem': return playlistItem(client, operation, itemIndex);
    case 'video': return video(client, operation, itemIndex);
    case 'videoCategory': return videoCategory(client, operation, itemIndex);
    default: return Promise.reject(unsupported(client, resource, operation, itemIndex));
  }
}
