// Test support: a local stand-in for the YouTube Data API v3, written from Google's reference
// (developers.google.com/youtube/v3/docs): list methods need `part` and one filter, take `maxResults`
// 0–50 and `pageToken`, answer `{kind, etag, nextPageToken?, pageInfo, items}`; insert/update take a
// JSON resource; delete and videos.rate answer 204; videos.insert follows the resumable upload
// protocol (Location session URL, 308 with Range per chunk, the video when complete);
// channelBanners.insert takes image bytes and answers `{url}`. Errors are Google's
// `{error: {code, message, errors: [{message, domain, reason}]}}`; a 429 with Retry-After when armed.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOD_TOKEN = 'ya29.youtube-good';

export interface YouTubeSeen {
  method: string; path: string; query: Record<string, string>; headers: IncomingMessage['headers']; body: unknown; raw: Buffer;
}

export interface YouTubeStandIn { url: string; seen: YouTubeSeen[]; rateLimitOnce(seconds: number): void; close(): Promise<void> }

type Reply = [number, unknown, Record<string, string>?];

const fail = (code: number, reason: string, message: string): Reply =>
  [code, { error: { code, message, errors: [{ message, domain: 'youtube.api', reason }] } }];

const PLAYLISTS = Array.from({ length: 120 }, (_, i) => ({ kind: 'youtube#playlist', etag: `e${i}`, id: `PL${String(i + 1).padStart(3, '0')}`, snippet: { title: `Playlist ${i + 1}` } }));
const CATEGORIES = [{ id: '1', title: 'Film & Animation' }, { id: '10', title: 'Music' }, { id: '20', title: 'Gaming' }]
  .map((c) => ({ kind: 'youtube#videoCategory', etag: `c${c.id}`, id: c.id, snippet: { title: c.title, assignable: true, channelId: 'UCBR8-60-B28hp2BmDPdntcQ' } }));
const VIDEO = { kind: 'youtube#video', etag: 'v1', id: 'dQw4w9WgXcQ', snippet: { title: 'Never Gonna Give You Up', categoryId: '10' }, statistics: { viewCount: '1' } };

function page(items: unknown[], query: Record<string, string>, kind: string): Reply {
  const max = query.maxResults === undefined ? 5 : Number(query.maxResults);
  if (!Number.isInteger(max) || max < 0 || max > 50) return fail(400, 'invalidParameter', `Invalid value '${query.maxResults}'. Values must be within the range: [0, 50]`);
  const offset = query.pageToken ? Number(Buffer.from(query.pageToken, 'base64url').toString()) : 0;
  const slice = items.slice(offset, offset + max);
  const next = offset + max < items.length ? Buffer.from(String(offset + max)).toString('base64url') : undefined;
  return [200, { kind, etag: 'list', ...(next ? { nextPageToken: next } : {}), pageInfo: { totalResults: items.length, resultsPerPage: max }, items: slice }];
}

const needsPart = (query: Record<string, string>): Reply | undefined =>
  (query.part ? undefined : fail(400, 'required', "No filter selected. Expected one of: part"));
const oneFilter = (query: Record<string, string>, names: string[]): Reply | undefined =>
  (names.filter((n) => query[n] !== undefined).length === 1 ? undefined : fail(400, 'incompatibleParameters', `Expected exactly one of: ${names.join(', ')}`));

function route(method: string, path: string, query: Record<string, string>, body: Record<string, unknown>, seen: YouTubeSeen, base: string): Reply {
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET /youtube/v3/channels':
      return needsPart(query) ?? oneFilter(query, ['id', 'mine', 'forUsername', 'managedByMe', 'categoryId'])
        ?? page([{ kind: 'youtube#channel', etag: 'ch', id: query.id ?? 'UC_mine', snippet: { title: 'My channel' } }], query, 'youtube#channelListResponse');
    case 'PUT /youtube/v3/channels':
      return needsPart(query) ?? (body.id ? [200, { kind: 'youtube#channel', etag: 'ch2', id: body.id, brandingSettings: body.brandingSettings }] : fail(400, 'channelIdRequired', 'The channel id is required'));
    case 'GET /youtube/v3/playlists':
      if (query.id) return needsPart(query) ?? page(PLAYLISTS.filter((p) => query.id.split(',').includes(p.id)), query, 'youtube#playlistListResponse');
      return needsPart(query) ?? oneFilter(query, ['channelId', 'id', 'mine']) ?? page(PLAYLISTS, query, 'youtube#playlistListResponse');
    case 'POST /youtube/v3/playlists':
    case 'PUT /youtube/v3/playlists': {
      const snippet = body.snippet as Record<string, unknown> | undefined;
      if (!snippet?.title) return fail(400, 'playlistTitleRequired', 'The request must specify a playlist title.');
      if (method === 'PUT' && !body.id) return fail(400, 'playlistIdRequired', 'The playlist id is required');
      return needsPart(query) ?? [200, { kind: 'youtube#playlist', etag: 'p', id: body.id ?? 'PLnew', snippet, ...(body.status ? { status: body.status } : {}) }];
    }
    case 'DELETE /youtube/v3/playlists':
    case 'DELETE /youtube/v3/playlistItems':
    case 'DELETE /youtube/v3/videos':
      if (!query.id) return fail(400, 'required', 'Required parameter: id');
      return query.id.startsWith('missing') ? fail(404, 'notFound', 'The resource identified by the id parameter cannot be found.') : [204, undefined];
    case 'GET /youtube/v3/playlistItems':
      return needsPart(query) ?? oneFilter(query, ['id', 'playlistId'])
        ?? page([{ kind: 'youtube#playlistItem', etag: 'pi', id: query.id ?? 'PLI1', snippet: { playlistId: query.playlistId ?? 'PL001' } }], query, 'youtube#playlistItemListResponse');
    case 'POST /youtube/v3/playlistItems': {
      const snippet = body.snippet as { playlistId?: string; resourceId?: { videoId?: string } } | undefined;
      if (!snippet?.playlistId || !snippet.resourceId?.videoId) return fail(400, 'playlistIdRequired', 'The request must specify a playlist and a video.');
      return needsPart(query) ?? [200, { kind: 'youtube#playlistItem', etag: 'pi', id: 'PLInew', snippet, contentDetails: body.contentDetails }];
    }
    case 'GET /youtube/v3/videos':
      return needsPart(query) ?? oneFilter(query, ['id', 'chart', 'myRating']) ?? page(query.id === VIDEO.id ? [VIDEO] : [], query, 'youtube#videoListResponse');
    case 'PUT /youtube/v3/videos': {
      const snippet = body.snippet as Record<string, unknown> | undefined;
      if (!body.id) return fail(400, 'videoIdRequired', 'The video id is required');
      if (snippet && (!snippet.title || !snippet.categoryId)) return fail(400, 'invalidCategoryId', 'The snippet must include a title and categoryId.');
      return needsPart(query) ?? [200, { ...body, kind: 'youtube#video', etag: 'v2' }];
    }
    case 'POST /youtube/v3/videos/rate':
      if (!query.id || !['like', 'dislike', 'none'].includes(query.rating)) return fail(400, 'invalidRating', 'The request contained an unexpected value for the rating parameter.');
      return [204, undefined];
    case 'GET /youtube/v3/search':
      return needsPart(query) ?? page(Array.from({ length: 7 }, (_, i) => ({ kind: 'youtube#searchResult', id: { kind: 'youtube#video', videoId: `vid${i}` }, snippet: { title: `Result ${i}` } })), query, 'youtube#searchListResponse');
    case 'GET /youtube/v3/videoCategories':
      return needsPart(query) ?? oneFilter(query, ['id', 'regionCode']) ?? [200, { kind: 'youtube#videoCategoryListResponse', etag: 'vc', items: CATEGORIES }];
    case 'GET /youtube/v3/i18nLanguages':
      return needsPart(query) ?? [200, { kind: 'youtube#i18nLanguageListResponse', etag: 'l', items: ['en', 'de', 'fr'].map((id) => ({ kind: 'youtube#i18nLanguage', id, snippet: { hl: id, name: id } })) }];
    case 'POST /upload/youtube/v3/channelBanners/insert':
      if (!/^image\/(jpeg|png)/.test(String(seen.headers['content-type'] ?? ''))) return fail(400, 'mediaBodyRequired', 'The request does not include the image content.');
      return [200, { kind: 'youtube#channelBannerResource', etag: 'b', url: 'https://yt3.googleusercontent.com/banner-123' }];
    case 'POST /upload/youtube/v3/videos': {
      if (query.uploadType !== 'resumable') return fail(400, 'invalidParameter', 'uploadType must be resumable');
      const length = Number(seen.headers['x-upload-content-length']);
      if (!Number.isFinite(length) || !seen.headers['x-upload-content-type']) return fail(400, 'invalidMetadata', 'Missing X-Upload-Content headers');
      return needsPart(query) ?? [200, undefined, { location: `${base}/upload/youtube/v3/videos?uploadType=resumable&upload_id=session-1` }];
    }
    default:
      return fail(404, 'notFound', `Not found: ${key}`);
  }
}

export async function startYouTubeStandIn(): Promise<YouTubeStandIn> {
  const seen: YouTubeSeen[] = [];
  let armed: number | undefined;
  let base = '';
  const received: Buffer[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const query = Object.fromEntries(url.searchParams.entries());
      let body: unknown;
      if (String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        try { body = JSON.parse(raw.toString('utf8')); } catch { body = undefined; }
      }
      const request: YouTubeSeen = { method: req.method ?? '', path: url.pathname, query, headers: req.headers, body, raw };
      seen.push(request);
      const reply = ([status, payload, headers]: Reply) => {
        res.writeHead(status, { ...(payload === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }), ...headers });
        res.end(payload === undefined ? undefined : JSON.stringify(payload));
      };
      if (armed !== undefined) {
        const seconds = armed;
        armed = undefined;
        return reply([429, { error: { code: 429, message: 'Too many requests', errors: [{ reason: 'rateLimitExceeded', message: 'Too many requests' }] } }, { 'retry-after': String(seconds) }]);
      }
      // The resumable session URL carries its own authority: no token needed.
      if (req.method === 'PUT' && url.pathname === '/upload/youtube/v3/videos' && query.upload_id === 'session-1') {
        const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? ''));
        if (!range || Number(range[2]) - Number(range[1]) + 1 !== raw.length) return reply(fail(400, 'badRange', 'Content-Range does not match the body'));
        received.push(raw);
        const done = Number(range[2]) + 1;
        if (done < Number(range[3])) return reply([308, undefined, { range: `bytes=0-${done - 1}` }]);
        const bytes = Buffer.concat(received.splice(0)).length;
        return reply([200, { kind: 'youtube#video', etag: 'up', id: 'uploaded-1', status: { uploadStatus: 'uploaded' }, fileDetails: { fileSize: String(bytes) } }]);
      }
      if (req.headers.authorization !== `Bearer ${GOOD_TOKEN}`) {
        return reply([401, { error: { code: 401, message: 'Request had invalid authentication credentials.', errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError' }], status: 'UNAUTHENTICATED' } }]);
      }
      reply(route(req.method ?? '', url.pathname, query, (body ?? {}) as Record<string, unknown>, request, base));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, seen, rateLimitOnce: (s) => { armed = s; }, close: () => new Promise<void>((r) => server.close(() => r())) };
}
