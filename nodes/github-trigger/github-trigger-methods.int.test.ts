// The GitHub Trigger's editor methods against the GitHub REST API stand-in (github/github-stand-in.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GITHUB_TOKEN, startGithubStandIn, type GithubStandIn } from '../github/github-stand-in.ts';
import { runNodeMethod } from '../node-methods.ts';
import { githubTriggerNode } from './github-trigger.node.ts';

let github: GithubStandIn;
beforeAll(async () => { github = await startGithubStandIn(); });
afterAll(() => github.close());

const call = async (method: string, currentNodeParameters: Record<string, unknown>, filter?: string) =>
  runNodeMethod({ nodeType: githubTriggerNode, typeVersion: 1, kind: 'listSearch', method, currentNodeParameters, filter, credentials: { githubOAuth2Api: { id: '1', name: 'gh' } } },
    { getCredentials: async () => ({ server: `${github.url}/`, oauthTokenData: { access_token: GITHUB_TOKEN } }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });

describe('GitHub Trigger editor methods', () => {
  it('getUsers and getRepositories search with the OAuth2 token', async () => {
    const users = (await call('getUsers', { authentication: 'oAuth2' }, 'someone')) as { results: unknown[] };
    expect(users).toEqual({ results: [{ name: 'someone-else', value: 'someone-else', url: 'https://github.com/someone-else' }] });
    expect(github.seen.at(-1)?.authorization).toBe(`token ${GITHUB_TOKEN}`);
    expect(await call('getRepositories', { authentication: 'oAuth2', owner: { __rl: true, mode: 'name', value: 'octo' } }, 'dot'))
      .toEqual({ results: [{ name: 'dotfiles', value: 'dotfiles', url: 'https://github.com/octo/dotfiles' }] });
  });
});
