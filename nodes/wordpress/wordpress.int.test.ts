// The Wordpress node against a local stand-in of the WordPress REST API v2 (wordpress-stand-in.ts,
// written from WordPress's REST API handbook): what it sends and what it outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { methodContext } from '../node-methods.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testWordpressCredential } from './wordpress-credential-test.ts';
import { wordpressNode } from './wordpress.node.ts';
import { APP_PASSWORD, USER, startWordpressStandIn, type WordpressStandIn } from './wordpress-stand-in.ts';

let wp: WordpressStandIn;
let credential: Record<string, unknown>;
beforeAll(async () => {
  wp = await startWordpressStandIn();
  credential = { username: USER, password: APP_PASSWORD, url: `${wp.url}/`, allowUnauthorizedCerts: false };
});
afterAll(async () => wp.close());
beforeEach(() => { wp.seen.length = 0; });

const run = (parameters: Record<string, unknown>, items = [{ json: {} }], continueOnFail = false, cred = credential) => runChain([{
  name: 'Wordpress', type: 'n8n-nodes-base.wordpress', typeVersion: 1, parameters, continueOnFail, credentials: { wordpressApi: { id: '1', name: 'WP' } },
}], { items, credentials: { wordpressApi: cred } });
const errorOf = (result: Awaited<ReturnType<typeof runChain>>) => result.data.resultData.error?.message;
const basic = `Basic ${Buffer.from(`${USER}:${APP_PASSWORD}`).toString('base64')}`;

describe('Wordpress post', () => {
  it('creates a post (resource and operation defaulted) with n8n’s field mapping and Basic auth', async () => {
    const result = await run({ title: '={{ $json.t }}', additionalFields: { content: 'Body', status: 'publish', commentStatus: 'closed', sticky: true, categories: [2], tags: [5],
      postTemplate: { values: { elementor: false, template: 'single-wide.php' } } } }, [{ json: { t: 'Hello' } }]);
    expect(wp.seen[0]).toMatchObject({ method: 'POST', path: '/wp-json/wp/v2/posts', authorization: basic, contentType: 'application/json', cacheControl: 'no-cache' });
    expect(wp.seen[0].body).toEqual({ title: 'Hello', content: 'Body', status: 'publish', comment_status: 'closed', sticky: true, categories: [2], tags: [5], template: 'single-wide.php' });
    expect(outputOf(result, 'Wordpress')[0]).toEqual({ json: expect.objectContaining({ id: expect.any(Number), status: 'publish' }), pairedItem: { item: 0 } });
  });

  it('gets, updates and lists posts (limit as per_page; all pages until X-WP-TotalPages)', async () => {
    const got = await run({ operation: 'get', postId: '3', options: { context: 'view' } });
    expect(wp.seen[0]).toMatchObject({ method: 'GET', path: '/wp-json/wp/v2/posts/3', query: { context: 'view' } });
    expect(outputOf(got, 'Wordpress')[0].json).toMatchObject({ id: 3 });
    await run({ operation: 'update', postId: '3', updateFields: { title: 'Renamed', authorId: 2 } });
    expect(wp.seen.at(-1)).toMatchObject({ method: 'POST', path: '/wp-json/wp/v2/posts/3', body: { id: 3, title: 'Renamed', author: 2 } });
    const some = await run({ operation: 'getAll', limit: 4, options: { orderBy: 'date', order: 'asc' } });
    expect(wp.seen.at(-1)!.query).toEqual({ orderby: 'date', order: 'asc', per_page: '4' });
    expect(outputOf(some, 'Wordpress')).toHaveLength(4);
    wp.seen.length = 0;
    const all = await run({ operation: 'getAll', returnAll: true });
    expect(wp.seen.map((r) => r.query)).toEqual([{ per_page: '10', page: '1' }, { per_page: '10', page: '2' }, { per_page: '10', page: '3' }]);
    expect(outputOf(all, 'Wordpress').length).toBeGreaterThanOrEqual(23);
  });

  it('fails with WordPress’s message; continue on fail keeps going', async () => {
    expect(errorOf(await run({ operation: 'get', postId: '999' }))).toBe('Invalid post ID.');
    const kept = await run({ operation: 'get', postId: '={{ $json.id }}' }, [{ json: { id: 999 } }, { json: { id: 1 } }], true);
    const out = outputOf(kept, 'Wordpress');
    expect(out[0].json).toEqual({ error: 'Invalid post ID.' });
    expect(out[1].json).toMatchObject({ id: 1 });
  });

  it('a wrong application password fails with WordPress’s 401 message', async () => {
    expect(errorOf(await run({ operation: 'get', postId: '1' }, [{ json: {} }], false, { ...credential, password: 'nope' })))
      .toBe('The provided password is an invalid application password.');
  });

  it('waits out a 429 with Retry-After', async () => {
    wp.rateLimit('/wp-json/wp/v2/posts/2', 1);
    const started = Date.now();
    const result = await run({ operation: 'get', postId: '2' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(wp.seen).toHaveLength(2);
    expect(outputOf(result, 'Wordpress')[0].json).toMatchObject({ id: 2 });
  });
});

describe('Wordpress page and user', () => {
  it('creates, updates and gets a page', async () => {
    const created = await run({ resource: 'page', title: 'Contact', additionalFields: { parent: 100, menuOrder: 2, featuredMediaId: 7, status: 'publish' } });
    expect(wp.seen[0]).toMatchObject({ path: '/wp-json/wp/v2/pages', body: { title: 'Contact', parent: 100, menu_order: 2, featured_media: 7, status: 'publish' } });
    const id = String(outputOf(created, 'Wordpress')[0].json.id);
    await run({ resource: 'page', operation: 'update', pageId: id, updateFields: { content: 'Call us' } });
    expect(wp.seen.at(-1)).toMatchObject({ path: `/wp-json/wp/v2/pages/${id}`, body: { id: Number(id), content: 'Call us' } });
    const listed = await run({ resource: 'page', operation: 'getAll', returnAll: true });
    expect(outputOf(listed, 'Wordpress').map((i) => i.json.id)).toContain(Number(id));
  });

  it('creates, updates, lists and deletes users', async () => {
    const created = await run({ resource: 'user', username: 'jo', name: 'Jo', firstName: 'Jo', lastName: 'Doe', email: 'jo@example.com', password: 'pw', additionalFields: { nickname: 'jojo' } });
    expect(wp.seen[0].body).toEqual({ name: 'Jo', username: 'jo', first_name: 'Jo', last_name: 'Doe', email: 'jo@example.com', password: 'pw', nickname: 'jojo' });
    const id = outputOf(created, 'Wordpress')[0].json.id;
    await run({ resource: 'user', operation: 'update', userId: String(id), updateFields: { firstName: 'Joanna' } });
    expect(wp.seen.at(-1)).toMatchObject({ path: `/wp-json/wp/v2/users/${id}`, body: { id: String(id), first_name: 'Joanna' } });
    const all = await run({ resource: 'user', operation: 'getAll', returnAll: true, options: { who: 'authors' } });
    expect(outputOf(all, 'Wordpress')).toHaveLength(13);
    expect(wp.seen.at(-1)!.query).toMatchObject({ who: 'authors', page: '2' });
    const deleted = await run({ resource: 'user', operation: 'delete', reassign: '1' });
    expect(wp.seen.at(-1)).toMatchObject({ method: 'DELETE', path: '/wp-json/wp/v2/users/me', query: { reassign: '1', force: 'true' } });
    expect(outputOf(deleted, 'Wordpress')[0].json).toMatchObject({ deleted: true });
  });

  it('loads authors, categories and tags for the editor', async () => {
    const deps = { getCredentials: async () => credential, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
    const ctx = (method: string) => methodContext({ nodeType: wordpressNode, kind: 'loadOptions', method, currentNodeParameters: {}, credentials: { wordpressApi: { id: '1', name: 'x' } } }, deps);
    const authors = await wordpressNode.methods!.loadOptions!.getAuthors(ctx('getAuthors'));
    expect(authors[0]).toEqual({ name: 'Author 1', value: 1 });
    expect(wp.seen[0].query).toMatchObject({ who: 'authors', per_page: '10', page: '1' });
    expect(await wordpressNode.methods!.loadOptions!.getCategories(ctx('getCategories'))).toEqual([{ name: 'Uncategorized', value: 1 }, { name: 'News', value: 2 }]);
    expect(await wordpressNode.methods!.loadOptions!.getTags(ctx('getTags'))).toEqual([{ name: 'release', value: 5 }]);
  });
});

describe('Wordpress on WordPress.com (OAuth2)', () => {
  it('calls the public API for the site with the Bearer token', async () => {
    process.env.WEFT_WORDPRESS_COM_API_URL = wp.url;
    try {
      const result = await runChain([{ name: 'Wordpress', type: 'n8n-nodes-base.wordpress', typeVersion: 1, parameters: { authType: 'oAuth2', operation: 'get', postId: '4' },
        credentials: { wordpressOAuth2Api: { id: '2', name: 'WP.com' } } }],
      { items: [{ json: {} }], credentials: { wordpressOAuth2Api: { oauthTokenData: { access_token: 'wpcom-token' }, wordpressSite: 'https://example.wordpress.com/' } } });
      expect(wp.seen[0]).toMatchObject({ method: 'GET', path: '/wp/v2/sites/example.wordpress.com/posts/4', authorization: 'Bearer wpcom-token' });
      expect(outputOf(result, 'Wordpress')[0].json).toMatchObject({ id: 4 });
    } finally {
      delete process.env.WEFT_WORDPRESS_COM_API_URL;
    }
  });
});

describe('Wordpress credential test', () => {
  it('lists users with Basic auth', async () => {
    await expect(testWordpressCredential(credential, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testWordpressCredential({ ...credential, password: 'x' }, 5000)).rejects.toThrow('Wordpress answered 401 Unauthorized: The provided password is an invalid application password.');
    await expect(testWordpressCredential({ ...credential, url: 'http://127.0.0.1:1' }, 5000)).rejects.toThrow('The service refused the connection - perhaps it is offline');
  });
});
