// The GitHub node's editor methods against the local REST API stand-in (github-stand-in.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { GITHUB_TOKEN, startGithubStandIn, type GithubStandIn } from './github-stand-in.ts';
import { githubNode } from './github.node.ts';

let github: GithubStandIn;
beforeAll(async () => { github = await startGithubStandIn(); });
afterAll(() => github.close());
beforeEach(() => { github.seen.length = 0; });

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const call = async (method: string, currentNodeParameters: Record<string, unknown>, filter?: string, paginationToken?: string, token = GITHUB_TOKEN) =>
  (await runNodeMethod({ nodeType: githubNode, typeVersion: 1.1, kind: 'listSearch', method, currentNodeParameters, filter, paginationToken, credentials: { githubApi: { id: '1', name: 'gh' } } },
    { getCredentials: async () => ({ server: github.url, accessToken: token }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' })) as { results: Array<{ name: string; value: unknown; url?: string }>; paginationToken?: unknown };

describe('GitHub editor methods', () => {
  it('getUsers searches accounts a page at a time, the next page number as token', async () => {
    const first = await call('getUsers', { resource: 'file', operation: 'get' }, 'octo');
    expect(first.results).toHaveLength(100);
    expect(first.results[0]).toEqual({ name: 'octo', value: 'octo', url: 'https://github.com/octo' });
    expect(first.paginationToken).toBe('2');
    expect(github.seen[0]).toMatchObject({ method: 'GET', path: '/search/users', query: { q: 'octo', page: '1', per_page: '100' }, authorization: `token ${GITHUB_TOKEN}` });
    const second = await call('getUsers', {}, 'octo', '2');
    expect(second.results.map((r) => r.name)).toEqual(Array.from({ length: 21 }, (_, i) => `octo-fan-${i + 100}`));
    expect(second.paginationToken).toBeUndefined();
  });

  it('getRepositories searches the owner\'s repositories with forks; an unknown owner gives none', async () => {
    const found = await call('getRepositories', { resource: 'file', operation: 'get', owner: rl('https://github.com/octo', 'url') }, 'hello');
    expect(found).toEqual({ results: [
      { name: 'hello', value: 'hello', url: 'https://github.com/octo/hello' },
      { name: 'hello-world', value: 'hello-world', url: 'https://github.com/octo/hello-world' },
    ] });
    expect(github.seen[0].query.q).toBe('hello user:octo fork:true');
    expect(await call('getRepositories', { owner: rl('nobody') })).toEqual({ results: [] });
  });

  it('getWorkflows lists the repository\'s Actions workflows by id; getRefs its branches then tags', async () => {
    const on = { resource: 'workflow', operation: 'dispatch', owner: rl('octo'), repository: rl('hello') };
    expect(await call('getWorkflows', on)).toEqual({ results: [{ name: 'CI', value: 161335 }] });
    expect(github.seen.at(-1)).toMatchObject({ path: '/repos/octo/hello/actions/workflows', query: { page: '1', per_page: '100' } });
    expect((await call('getRefs', on)).results.map((r) => r.value)).toEqual(['main', 'dev', 'feature/login', 'v1.0.0', 'v1.1.0']);
    expect(await call('getRefs', on, 'V1.1')).toEqual({ results: [{ name: 'v1.1.0', value: 'v1.1.0' }] });
    expect(await call('getRefs', { ...on, repository: rl('') })).toEqual({ results: [] });
  });

  it('bad credentials are GitHub\'s error', async () => {
    await expect(call('getUsers', {}, 'octo', undefined, 'wrong')).rejects.toThrow(/Authorization failed|credentials/i);
  });
});
