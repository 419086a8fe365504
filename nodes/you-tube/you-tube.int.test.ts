// The YouTube node against a local stand-in of the YouTube Data API v3 (you-tube-stand-in.ts, written
// from Google's reference): methods, paths, query, bodies, token, paging, uploads and outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { testYouTubeOAuth2Credential } from './you-tube-credential-test.ts';
import { UPLOAD_CHUNK_SIZE } from './you-tube-upload.ts';
import { GOOD_TOKEN, startYouTubeStandIn, type YouTubeStandIn } from './you-tube-stand-in.ts';
import { youTubeNode } from './you-tube.node.ts';

let yt: YouTubeStandIn;
const saved = process.env.WEFT_YOUTUBE_API_URL;
const credentials = { youTubeOAuth2Api: { oauthTokenData: { access_token: GOOD_TOKEN } } };

beforeAll(async () => {
  yt = await startYouTubeStandIn();
  process.env.WEFT_YOUTUBE_API_URL = yt.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_YOUTUBE_API_URL;
  else process.env.WEFT_YOUTUBE_API_URL = saved;
  await yt.close();
});
beforeEach(() => {
  yt.seen.length = 0;
});

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'YouTube', type: 'n8n-nodes-base.youTube', typeVersion: 1, parameters, continueOnFail,
  credentials: { youTubeOAuth2Api: { id: '1', name: 'YouTube' } },
});
const run = (parameters: Record<string, unknown>, items = [{ json: {} }], continueOnFail = false) =>
  runChain([node(parameters, continueOnFail)], { items, credentials });

describe('YouTube channel and playlist', () => {
  it('lists the user’s channels by default (channel getAll), all parts, limit as maxResults', async () => {
    const result = await run({});
    expect(outputOf(result, 'YouTube')).toEqual([{ json: { kind: 'youtube#channel', etag: 'ch', id: 'UC_mine', snippet: { title: 'My channel' } }, pairedItem: { item: 0 } }]);
    expect(yt.seen[0]).toMatchObject({ method: 'GET', path: '/youtube/v3/channels', query: {
      part: 'brandingSettings,contentDetails,contentOwnerDetails,id,localizations,snippet,statistics,status,topicDetails', mine: 'true', maxResults: '25' } });
    expect(yt.seen[0].headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
  });

  it('gets a channel by id without `mine`, and updates its branding settings', async () => {
    await run({ resource: 'channel', operation: 'getAll', options: { h1: 'de' }, filters: { forUsername: 'acme' } });
    expect(yt.seen.pop()?.query).toMatchObject({ hl: 'de', forUsername: 'acme' });
    await run({ resource: 'channel', operation: 'get', channelId: 'UC1', part: ['snippet', 'statistics'] });
    expect(yt.seen[0].query).toEqual({ part: 'snippet,statistics', id: 'UC1' });
    const updated = await run({ resource: 'channel', operation: 'update', channelId: 'UC1', updateFields: {
      brandingSettingsUi: { channelSettingsValues: { channel: { description: 'About us', keywords: 'tech news' } }, imageSettingsValues: { image: { trackingImageUrl: 'https://t.example/x.png' } } },
    } });
    expect(yt.seen[1]).toMatchObject({ method: 'PUT', path: '/youtube/v3/channels', query: { part: 'brandingSettings' },
      body: { id: 'UC1', brandingSettings: { channel: { description: 'About us', keywords: 'tech news' }, image: { trackingImageUrl: 'https://t.example/x.png' } } } });
    expect(outputOf(updated, 'YouTube')[0].json.id).toBe('UC1');
  });

  it('uploads a banner image and points the channel at it', async () => {
    const image = Buffer.from('fake-png-bytes');
    const result = await run({ resource: 'channel', operation: 'uploadBanner', channelId: 'UC1' },
      [{ json: {}, binary: { data: { data: image.toString('base64'), mimeType: 'image/png', fileName: 'banner.png' } } }] as never);
    expect(yt.seen[0]).toMatchObject({ method: 'POST', path: '/upload/youtube/v3/channelBanners/insert' });
    expect(yt.seen[0].raw.equals(image)).toBe(true);
    expect(yt.seen[1].body).toEqual({ id: 'UC1', brandingSettings: { image: { bannerExternalUrl: 'https://yt3.googleusercontent.com/banner-123' } } });
    expect(outputOf(result, 'YouTube')[0].json.brandingSettings).toEqual({ image: { bannerExternalUrl: 'https://yt3.googleusercontent.com/banner-123' } });
  });

  it('returns all playlists by following nextPageToken with the largest page, after a 429', async () => {
    yt.rateLimitOnce(0);
    const result = await run({ resource: 'playlist', operation: 'getAll', returnAll: true, part: ['snippet'] });
    expect(outputOf(result, 'YouTube')).toHaveLength(120);
    const lists = yt.seen.filter((s) => s.path === '/youtube/v3/playlists');
    expect(lists.map((s) => s.query.pageToken ?? null)).toEqual([null, null, lists[2].query.pageToken, lists[3].query.pageToken]);
    expect(lists[1].query).toMatchObject({ part: 'snippet', mine: 'true', maxResults: '50' });
  });

  it('creates, updates and deletes a playlist with the documented parts and ids', async () => {
    await run({ resource: 'playlist', operation: 'create', title: 'Mix', options: { tags: 'a,b', privacyStatus: 'unlisted', description: 'Best' } });
    expect(yt.seen[0]).toMatchObject({ method: 'POST', query: { part: 'snippet,status' },
      body: { snippet: { title: 'Mix', description: 'Best', tags: ['a', 'b'] }, status: { privacyStatus: 'unlisted' } } });
    await run({ resource: 'playlist', operation: 'update', playlistId: 'PL001', title: 'Mix 2', updateFields: {} });
    expect(yt.seen[1]).toMatchObject({ method: 'PUT', query: { part: 'snippet,status' }, body: { id: 'PL001', snippet: { title: 'Mix 2' }, status: {} } });
    const deleted = await run({ resource: 'playlist', operation: 'delete', playlistId: 'PL001' });
    expect(yt.seen[2]).toMatchObject({ method: 'DELETE', path: '/youtube/v3/playlists', query: { id: 'PL001' } });
    expect(outputOf(deleted, 'YouTube')).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
  });
});

describe('YouTube playlist items, videos and categories', () => {
  it('adds a video to a playlist (the default operation) and lists the items', async () => {
    await run({ resource: 'playlistItem', playlistId: 'PL001', videoId: 'abc', options: { position: 2, note: 'fav' } });
    expect(yt.seen[0]).toMatchObject({ method: 'POST', path: '/youtube/v3/playlistItems', query: { part: 'snippet,contentDetails' },
      body: { snippet: { playlistId: 'PL001', resourceId: { kind: 'youtube#video', videoId: 'abc' }, position: 2 }, contentDetails: { note: 'fav' } } });
    await run({ resource: 'playlistItem', operation: 'getAll', playlistId: 'PL001', limit: 3 });
    expect(yt.seen[1].query).toEqual({ part: 'contentDetails,id,snippet,status', playlistId: 'PL001', maxResults: '3' });
  });

  it('gets, searches (forMine unless filtered, dates as RFC 3339), rates, updates and deletes videos', async () => {
    const got = await run({ resource: 'video', operation: 'get', videoId: 'dQw4w9WgXcQ', part: ['snippet'] });
    expect(outputOf(got, 'YouTube')[0].json.id).toBe('dQw4w9WgXcQ');
    const mine = await run({ resource: 'video', limit: 5 });
    expect(outputOf(mine, 'YouTube')).toHaveLength(5);
    expect(yt.seen[1].query).toEqual({ part: 'snippet', type: 'video', forMine: 'true', maxResults: '5' });
    await run({ resource: 'video', filters: { q: 'cats', publishedAfter: '2024-01-02T03:04:05.000Z' }, options: { order: 'date' } });
    expect(yt.seen[2].query).toEqual({ part: 'snippet', type: 'video', q: 'cats', publishedAfter: '2024-01-02T03:04:05.000Z', order: 'date', maxResults: '25' });
    const rated = await run({ resource: 'video', operation: 'rate', videoId: 'v1', rating: 'like' });
    expect(yt.seen[3]).toMatchObject({ method: 'POST', path: '/youtube/v3/videos/rate', query: { id: 'v1', rating: 'like' } });
    expect(outputOf(rated, 'YouTube')[0].json).toEqual({ success: true });
    await run({ resource: 'video', operation: 'update', videoId: 'v1', title: 'New', categoryId: '10', updateFields: { tags: 'x,y', embeddable: false, privacyStatus: 'private' } });
    expect(yt.seen[4]).toMatchObject({ method: 'PUT', query: { part: 'snippet,status,recordingDetails' },
      body: { id: 'v1', snippet: { title: 'New', categoryId: '10', tags: ['x', 'y'] }, status: { privacyStatus: 'private', embeddable: false }, recordingDetails: {} } });
    await run({ resource: 'video', operation: 'delete', videoId: 'v1' });
    expect(yt.seen[5]).toMatchObject({ method: 'DELETE', path: '/youtube/v3/videos', query: { id: 'v1' } });
  });

  it('uploads a video through a resumable session in 1 MiB chunks', async () => {
    const bytes = Buffer.alloc(UPLOAD_CHUNK_SIZE * 2 + 10, 7);
    const result = await run({ resource: 'video', operation: 'upload', title: 'Clip', categoryId: '20', options: { privacyStatus: 'unlisted', tags: 'a' } },
      [{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'video/mp4', fileName: 'clip.mp4' } } }] as never);
    expect(outputOf(result, 'YouTube')).toEqual([{ json: { uploadId: 'uploaded-1' }, pairedItem: { item: 0 } }]);
    const [start, ...chunks] = yt.seen;
    expect(start).toMatchObject({ method: 'POST', path: '/upload/youtube/v3/videos', query: { uploadType: 'resumable', part: 'snippet,status,recordingDetails', notifySubscribers: 'false' },
      body: { snippet: { title: 'Clip', categoryId: '20', tags: ['a'] }, status: { privacyStatus: 'unlisted' }, recordingDetails: {} } });
    expect(start.headers['x-upload-content-length']).toBe(String(bytes.length));
    expect(start.headers['x-upload-content-type']).toBe('video/mp4');
    expect(chunks.map((c) => c.headers['content-range'])).toEqual([
      `bytes 0-${UPLOAD_CHUNK_SIZE - 1}/${bytes.length}`, `bytes ${UPLOAD_CHUNK_SIZE}-${2 * UPLOAD_CHUNK_SIZE - 1}/${bytes.length}`,
      `bytes ${2 * UPLOAD_CHUNK_SIZE}-${bytes.length - 1}/${bytes.length}`]);
  });

  it('lists video categories of a region up to the limit', async () => {
    const result = await run({ resource: 'videoCategory', regionCode: 'US', limit: 2 });
    expect(outputOf(result, 'YouTube').map((i) => i.json.id)).toEqual(['1', '10']);
    expect(yt.seen[0].query).toEqual({ regionCode: 'US', part: 'snippet' });
  });

  it('words YouTube’s errors as n8n does, and gives error items with continue on fail', async () => {
    const failed = await run({ resource: 'playlist', operation: 'delete', playlistId: 'missing-1' });
    expect(failed.data.resultData.error?.message).toBe('YouTube error response [404]: The resource identified by the id parameter cannot be found.');
    const kept = await runChain([node({ resource: 'video', operation: 'get', videoId: 'x' }, true)], { items: [{ json: {} }], credentials: { youTubeOAuth2Api: { oauthTokenData: { access_token: 'old' } } } });
    expect(outputOf(kept, 'YouTube')).toEqual([{ json: { error: 'YouTube error response [401]: Invalid Credentials' }, pairedItem: { item: 0 } }]);
  });
});

describe('YouTube editor lists', () => {
  const ctx = (method: string, currentNodeParameters: Record<string, unknown>) => methodContext({ nodeType: youTubeNode, kind: 'loadOptions', method, currentNodeParameters,
    credentials: { youTubeOAuth2Api: { id: '1', name: 'x' } } }, { getCredentials: async () => credentials.youTubeOAuth2Api, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });

  it('loads playlists, categories of the chosen region, languages and country codes', async () => {
    const playlists = await youTubeNode.methods!.loadOptions!.getPlaylists(ctx('getPlaylists', { resource: 'playlistItem', operation: 'add' }));
    expect(playlists).toHaveLength(120);
    expect(playlists[0]).toEqual({ name: 'Playlist 1', value: 'PL001' });
    const categories = await youTubeNode.methods!.loadOptions!.getVideoCategories(ctx('getVideoCategories', { resource: 'video', operation: 'upload', regionCode: 'DE' }));
    expect(categories).toContainEqual({ name: 'Music', value: '10' });
    expect(yt.seen.find((s) => s.path === '/youtube/v3/videoCategories')?.query.regionCode).toBe('DE');
    expect(await youTubeNode.methods!.loadOptions!.getLanguages(ctx('getLanguages', {}))).toEqual([
      { name: 'EN', value: 'en' }, { name: 'DE', value: 'de' }, { name: 'FR', value: 'fr' }]);
    expect(await youTubeNode.methods!.loadOptions!.getCountriesCodes(ctx('getCountriesCodes', {}))).toContainEqual({ name: 'Germany - DE', value: 'DE' });
  });
});

describe('YouTube credential test', () => {
  it('accepts a token YouTube takes and repeats YouTube’s refusal otherwise', async () => {
    await expect(testYouTubeOAuth2Credential(credentials.youTubeOAuth2Api, 5000)).resolves.toBe('Connection tested successfully');
    expect(yt.seen[0]).toMatchObject({ method: 'GET', path: '/youtube/v3/channels', query: { part: 'id', mine: 'true' } });
    await expect(testYouTubeOAuth2Credential({ oauthTokenData: { access_token: 'old' } }, 5000)).rejects.toThrow('Google answered 401: Request had invalid authentication credentials.');
    await expect(testYouTubeOAuth2Credential({}, 5000)).rejects.toThrow('connect it first');
  });
});
