// The LinkedIn node against a local stand-in of LinkedIn's REST API (linked-in-stand-in.ts, written
// from LinkedIn's Posts and Images API docs): what it sends and what it outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { methodContext } from '../node-methods.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testLinkedInCredential } from './linked-in-credential-test.ts';
import { linkedInNode } from './linked-in.node.ts';
import { ORG_ID, PERSON_ID, TOKEN, startLinkedInStandIn, type LinkedInStandIn } from './linked-in-stand-in.ts';

let li: LinkedInStandIn;
const standard = { oauthTokenData: { access_token: TOKEN }, legacy: false, organizationSupport: true };
beforeAll(async () => {
  li = await startLinkedInStandIn();
  process.env.WEFT_LINKEDIN_API_URL = li.url;
});
afterAll(async () => {
  delete process.env.WEFT_LINKEDIN_API_URL;
  await li.close();
});
beforeEach(() => { li.seen.length = 0; });

const run = (parameters: Record<string, unknown>, items: unknown[] = [{ json: {} }], continueOnFail = false, credentials: Record<string, Record<string, unknown>> = { linkedInOAuth2Api: standard }) => runChain([{
  name: 'LinkedIn', type: 'n8n-nodes-base.linkedIn', typeVersion: 1, parameters, continueOnFail,
  credentials: { linkedInOAuth2Api: { id: '1', name: 'LI' }, linkedInCommunityManagementOAuth2Api: { id: '2', name: 'LI CM' } },
}], { items: items as never, credentials });
const errorOf = (result: Awaited<ReturnType<typeof runChain>>) => result.data.resultData.error?.message;
const FEED = { feedDistribution: 'MAIN_FEED', thirdPartyDistributionChannels: [] };

describe('LinkedIn post', () => {
  it('posts text as a person with the REST headers; little-text characters escaped; outputs the URN', async () => {
    const result = await run({ person: PERSON_ID, text: 'Hello (world) @team', additionalFields: { visibility: 'CONNECTIONS' } });
    const [sent] = li.seen;
    expect(sent).toMatchObject({ method: 'POST', path: '/rest/posts' });
    expect(sent.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'x-restli-protocol-version': '2.0.0', 'linkedin-version': '202404', 'content-type': 'application/json' });
    expect(sent.body).toEqual({ author: `urn:li:person:${PERSON_ID}`, lifecycleState: 'PUBLISHED', distribution: FEED, visibility: 'CONNECTIONS', commentary: 'Hello \\(world\\) \\@team' });
    expect(outputOf(result, 'LinkedIn')).toEqual([{ json: { urn: expect.stringMatching(/^urn:li:share:/) }, pairedItem: { item: 0 } }]);
  });

  it('posts an article as an organization (always PUBLIC)', async () => {
    await run({ postAs: 'organization', organization: ORG_ID, text: 'Read this', shareMediaCategory: 'ARTICLE',
      additionalFields: { title: 'Launch', description: 'All about it', originalUrl: 'https://example.com/launch', visibility: 'CONNECTIONS' } });
    expect(li.seen[0].body).toEqual({ author: `urn:li:organization:${ORG_ID}`, lifecycleState: 'PUBLISHED', distribution: FEED, visibility: 'PUBLIC', commentary: 'Read this',
      content: { article: { title: 'Launch', description: 'All about it', source: 'https://example.com/launch' } } });
  });

  it('posts an image: initializeUpload, the bytes to the upload URL, then the post with the image URN', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const result = await run({ person: PERSON_ID, text: 'Pic', shareMediaCategory: 'IMAGE', additionalFields: { title: 'Team' } },
      [{ json: {}, binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'team.png' } } }]);
    expect(li.seen[0]).toMatchObject({ method: 'POST', path: '/rest/images', query: { action: 'initializeUpload' }, body: { initializeUploadRequest: { owner: `urn:li:person:${PERSON_ID}` } } });
    expect(li.seen[1]).toMatchObject({ method: 'POST', path: expect.stringMatching(/^\/upload\//) });
    const [image, stored] = [...li.uploads.entries()].at(-1)!;
    expect(stored).toEqual({ bytes: png, contentType: 'image/png' });
    expect(li.seen[2].body).toMatchObject({ content: { media: { title: 'Team', id: image } }, commentary: 'Pic' });
    expect(outputOf(result, 'LinkedIn')[0].json.urn).toMatch(/^urn:li:share:/);
  });

  it('fails with LinkedIn’s message; continue on fail; a missing binary', async () => {
    expect(errorOf(await run({ postAs: 'organization', organization: '999', text: 'x' }))).toBe('Not enough permissions to access: partnerApiPostsExternal.CREATE.20240401');
    const kept = await run({ postAs: 'organization', organization: '={{ $json.org }}', text: 'x' }, [{ json: { org: '1' } }, { json: { org: ORG_ID } }], true);
    expect(outputOf(kept, 'LinkedIn').map((i) => Object.keys(i.json)[0])).toEqual(['error', 'urn']);
    expect(errorOf(await run({ person: PERSON_ID, text: 'x', shareMediaCategory: 'IMAGE' }))).toBe('No binary data exists on item!');
    expect(errorOf(await run({ person: PERSON_ID, text: 'x' }, undefined, false, { linkedInOAuth2Api: { oauthTokenData: { access_token: 'bad' } } }))).toBe('Invalid access token');
  });

  it('uses the Community Management credential when chosen, and waits out a 429', async () => {
    li.rateLimit(1);
    const started = Date.now();
    const result = await run({ authentication: 'communityManagement', person: PERSON_ID, text: 'cm' }, undefined, false,
      { linkedInCommunityManagementOAuth2Api: { oauthTokenData: { access_token: TOKEN } } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(li.seen).toHaveLength(2);
    expect(outputOf(result, 'LinkedIn')[0].json.urn).toMatch(/^urn:li:share:/);
  });
});

describe('LinkedIn editor method and credential test', () => {
  it('loads the signed-in person from userinfo (or /v2/me for legacy apps)', async () => {
    const ctx = (credential: Record<string, unknown>) => methodContext({ nodeType: linkedInNode, kind: 'loadOptions', method: 'getPersonUrn', currentNodeParameters: {},
      credentials: { linkedInOAuth2Api: { id: '1', name: 'x' } } }, { getCredentials: async () => credential, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    expect(await linkedInNode.methods!.loadOptions!.getPersonUrn(ctx(standard))).toEqual([{ name: 'Ana Lima', value: PERSON_ID }]);
    expect(li.seen[0].path).toBe('/v2/userinfo');
    expect(await linkedInNode.methods!.loadOptions!.getPersonUrn(ctx({ ...standard, legacy: true }))).toEqual([{ name: 'Ana Lima', value: PERSON_ID }]);
    expect(li.seen[1].path).toBe('/v2/me');
  });

  it('checks the token', async () => {
    await expect(testLinkedInCredential(standard, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testLinkedInCredential({ oauthTokenData: { access_token: 'bad' }, legacy: false }, 5000)).rejects.toThrow('LinkedIn answered 401 Unauthorized: Invalid access token');
  });
});
