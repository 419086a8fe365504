// The Facebook Graph API node in workflows against two Graph stand-ins (graph-stand-in.ts), one per
// host: paths with and without a version, the token and query parameters, binary uploads to the
// video host, Graph's errors (thrown, or items with continue on fail), a 429 waited out, and the
// credential check.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testFacebookGraphCredential } from './facebook-graph-api-credential-test.ts';
import { GRAPH_TOKEN, startGraphStandIn, type GraphStandIn } from './graph-stand-in.ts';

let graph: GraphStandIn;
let video: GraphStandIn;
beforeAll(async () => {
  [graph, video] = await Promise.all([startGraphStandIn(), startGraphStandIn()]);
  process.env.WEFT_FACEBOOK_GRAPH_API_URL = graph.url;
  process.env.WEFT_FACEBOOK_GRAPH_VIDEO_API_URL = video.url;
});
afterAll(async () => {
  delete process.env.WEFT_FACEBOOK_GRAPH_API_URL;
  delete process.env.WEFT_FACEBOOK_GRAPH_VIDEO_API_URL;
  await Promise.all([graph.close(), video.close()]);
});
beforeEach(() => { graph.seen.length = 0; video.seen.length = 0; });

const credentials = { facebookGraphApi: { accessToken: GRAPH_TOKEN } };
const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Facebook Graph API', type: 'n8n-nodes-base.facebookGraphApi', typeVersion: 1, parameters, continueOnFail,
  credentials: { facebookGraphApi: { id: '1', name: 'FB' } },
});
const run = (parameters: Record<string, unknown>, options: { items?: Item[]; continueOnFail?: boolean; credentials?: Record<string, Record<string, unknown>> } = {}) =>
  runChain([node(parameters, options.continueOnFail)], { items: options.items ?? [{ json: {} }], credentials: options.credentials ?? credentials });

describe('Facebook Graph API', () => {
  it('GETs a node with the chosen fields and query parameters, with and without a version', async () => {
    const result = await run({
      hostUrl: 'graph.facebook.com', httpRequestMethod: 'GET', graphApiVersion: 'v22.0', node: 'me',
      options: { fields: { field: [{ name: 'name' }, { name: 'email' }] }, queryParameters: { parameter: [{ name: 'locale', value: 'en_US' }] }, queryParametersJson: '{"locale":"de_DE","debug":"all"}' },
    });
    expect(outputOf(result, 'Facebook Graph API')).toEqual([{ json: { id: '10158123456789', name: 'Ada Lovelace', email: 'ada@example.com' }, pairedItem: { item: 0 } }]);
    expect(graph.seen[0]).toMatchObject({ method: 'GET', path: '/v22.0/me', query: { access_token: GRAPH_TOKEN, fields: 'name,email', locale: 'de_DE', debug: 'all' } });

    const posts = await run({ httpRequestMethod: 'GET', node: '104230112345', edge: 'posts', options: { queryParameters: { parameter: [{ name: 'limit', value: '1' }] } } });
    const [item] = outputOf(posts, 'Facebook Graph API');
    expect((item.json.data as unknown[]).length).toBe(1);
    expect(item.json.paging).toMatchObject({ cursors: { after: 'QVFIUmx1' } });
    expect(graph.seen[1].path).toBe('/104230112345/posts');
  });

  it('POSTs and DELETEs per item with expressions', async () => {
    const result = await run({ httpRequestMethod: 'POST', graphApiVersion: 'v19.0', node: '104230112345', edge: 'feed', options: { queryParameters: { parameter: [{ name: 'message', value: '={{ $json.text }}' }] } } },
      { items: [{ json: { text: 'Open on Sunday' } }, { json: { text: 'New rolls' } }] });
    expect(outputOf(result, 'Facebook Graph API').map((i) => i.json)).toEqual([{ id: '104230112345_3' }, { id: '104230112345_3' }]);
    expect(graph.seen.map((r) => `${r.method} ${r.path} ${r.query.message}`)).toEqual(['POST /v19.0/104230112345/feed Open on Sunday', 'POST /v19.0/104230112345/feed New rolls']);
    const deleted = await run({ httpRequestMethod: 'DELETE', node: '104230112345_2' });
    expect(outputOf(deleted, 'Facebook Graph API')[0].json).toEqual({ success: true });
  });

  it('uploads an item’s binary file as multipart to the video host', async () => {
    const clip = Buffer.from('fake mp4 bytes');
    const items: Item[] = [{ json: {}, binary: { data: { data: clip.toString('base64'), mimeType: 'video/mp4', fileName: 'clip.mp4' } } }];
    const result = await run({ hostUrl: 'graph-video.facebook.com', httpRequestMethod: 'POST', graphApiVersion: 'v22.0', node: '104230112345', edge: 'videos', sendBinaryData: true, binaryPropertyName: 'source:data' }, { items });
    expect(outputOf(result, 'Facebook Graph API')[0].json).toEqual({ id: '987654321' });
    expect(graph.seen).toEqual([]);
    expect(video.seen[0]).toMatchObject({ method: 'POST', path: '/v22.0/104230112345/videos', files: [{ field: 'source', fileName: 'clip.mp4', mimeType: 'video/mp4', size: clip.length }] });
    const missing = await run({ hostUrl: 'graph-video.facebook.com', httpRequestMethod: 'POST', node: '104230112345', edge: 'videos', sendBinaryData: true, binaryPropertyName: 'data' });
    expect(missing.data.resultData.error?.message).toBe('No binary data exists on item!');
  });

  it("says what Graph said on errors, or gives n8n's error item with continue on fail", async () => {
    const failed = await run({ httpRequestMethod: 'GET', node: 'nope' });
    expect(failed.data.resultData.error).toMatchObject({ message: 'Bad request - please check your parameters' });
    expect(JSON.stringify(failed.data.resultData.error)).toContain("Object with ID 'nope' does not exist");
    const kept = await run({ httpRequestMethod: 'GET', node: '={{ $json.id }}' }, { continueOnFail: true, items: [{ json: { id: 'nope' } }, { json: { id: 'me' } }], credentials: { facebookGraphApi: { accessToken: GRAPH_TOKEN } } });
    const out = outputOf(kept, 'Facebook Graph API');
    expect(out[0].json).toMatchObject({ statusCode: 400, type: 'GraphMethodException', code: 100, fbtrace_id: 'A1b2C3d4E5', headers: { 'x-fb-trace-id': 'A1b2C3d4E5' } });
    expect(out[1].json).toEqual({ id: '10158123456789', name: 'Ada Lovelace' });
    const text = await run({ httpRequestMethod: 'GET', node: 'text' });
    expect(text.data.resultData.error?.message).toBe('Response body is not valid JSON.');
    const textKept = await run({ httpRequestMethod: 'GET', node: 'text' }, { continueOnFail: true });
    expect(outputOf(textKept, 'Facebook Graph API')[0].json).toEqual({ message: 'plain words' });
  });

  it('waits out a 429 and checks the credential', async () => {
    graph.rateLimitOnce(0);
    const result = await run({ httpRequestMethod: 'GET', node: 'me' });
    expect(outputOf(result, 'Facebook Graph API')[0].json.name).toBe('Ada Lovelace');
    expect(graph.seen.length).toBe(2);
    expect(await testFacebookGraphCredential({ accessToken: GRAPH_TOKEN }, 5000)).toBe('Connection tested successfully');
    expect(graph.seen.at(-1)?.path).toBe('/v24.0/me');
    await expect(testFacebookGraphCredential({ accessToken: 'bad' }, 5000)).rejects.toThrow('Facebook answered 400: Invalid OAuth access token - Cannot parse access token');
  });
});
