// The GitHub node on the real engine against a local stand-in for GitHub's REST API
// (github-stand-in.ts, written from GitHub's documentation): the requests it sends and its items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testGithubCredential } from './github-credential-test.ts';
import { GITHUB_TOKEN, startGithubStandIn, type GithubStandIn } from './github-stand-in.ts';

let github: GithubStandIn;
let credentials: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  github = await startGithubStandIn();
  credentials = {
    githubApi: { server: github.url, user: 'octo', accessToken: GITHUB_TOKEN },
    githubOAuth2Api: { server: `${github.url}/`, oauthTokenData: { access_token: GITHUB_TOKEN, token_type: 'bearer' } },
  };
});
afterAll(() => github.close());

const repoByName = { owner: { __rl: true, mode: 'name', value: 'octo' }, repository: { __rl: true, mode: 'name', value: 'hello' } };

async function run(typeVersion: number, parameters: Record<string, unknown>, options: { items?: Item[]; continueOnFail?: boolean; credentials?: typeof credentials } = {}) {
  github.seen.length = 0;
  const result = await runChain([{
    name: 'GitHub', type: 'n8n-nodes-base.github', typeVersion, parameters, continueOnFail: options.continueOnFail,
    credentials: { githubApi: { id: '1', name: 'gh' }, githubOAuth2Api: { id: '2', name: 'gh oauth' } },
  }], { items: options.items ?? [{ json: {} }], credentials: options.credentials ?? credentials });
  return { output: outputOf(result, 'GitHub'), error: result.data.resultData.error as (Error & { description?: string }) | undefined };
}

describe('GitHub issue', () => {
  it('creates an issue per item with labels and assignees, and outputs GitHub\'s issue', async () => {
    const { output } = await run(1.1, {
      resource: 'issue', operation: 'create', ...repoByName, title: '={{ $json.title }}', body: 'Seen in production',
      labels: [{ label: 'bug' }, { label: 'p1' }], assignees: [{ assignee: 'ann' }],
    }, { items: [{ json: { title: 'Crash on save' } }, { json: { title: 'Slow start' } }] });
    expect(github.seen.map((s) => [s.method, s.path, s.authorization])).toEqual([
      ['POST', '/repos/octo/hello/issues', `token ${GITHUB_TOKEN}`], ['POST', '/repos/octo/hello/issues', `token ${GITHUB_TOKEN}`],
    ]);
    expect(github.seen[0].body).toEqual({ title: 'Crash on save', body: 'Seen in production', labels: ['bug', 'p1'], assignees: ['ann'] });
    expect(output).toHaveLength(2);
    expect(output[1]).toEqual({ json: expect.objectContaining({ title: 'Slow start', labels: [{ name: 'bug' }, { name: 'p1' }], assignees: [{ login: 'ann' }] }), pairedItem: { item: 1 } });
  });

  it('v1 takes owner and repository as plain strings or links; comments, edits, gets and locks', async () => {
    const comment = await run(1, { resource: 'issue', operation: 'createComment', owner: 'octo', repository: 'hello', issueNumber: 3, body: 'Thanks!' });
    expect(github.seen[0]).toMatchObject({ method: 'POST', path: '/repos/octo/hello/issues/3/comments', body: { body: 'Thanks!' } });
    expect(comment.output[0].json).toMatchObject({ id: 5000, body: 'Thanks!' });
    await run(1.1, {
      resource: 'issue', operation: 'edit', owner: { __rl: true, mode: 'url', value: 'https://github.com/octo' },
      repository: { __rl: true, mode: 'url', value: 'https://github.com/octo/hello/issues' }, issueNumber: 3,
      editFields: { state: 'closed', state_reason: 'not_planned', labels: [{ label: 'wontfix' }] },
    });
    expect(github.seen[0]).toMatchObject({ method: 'PATCH', path: '/repos/octo/hello/issues/3', body: { state: 'closed', state_reason: 'not_planned', labels: ['wontfix'] } });
    const got = await run(1.1, { resource: 'issue', operation: 'get', ...repoByName, issueNumber: 3 });
    expect(got.output[0].json).toMatchObject({ number: 3, state: 'closed', labels: ['wontfix'] });
    const locked = await run(1.1, { resource: 'issue', operation: 'lock', ...repoByName, issueNumber: 3, lockReason: 'too heated' }, { items: [{ json: { keep: 1 } }] });
    expect(github.seen[0]).toMatchObject({ method: 'PUT', path: '/repos/octo/hello/issues/3/lock', query: { lock_reason: 'too heated' } });
    expect(locked.output.map((i) => i.json)).toEqual([{ keep: 1 }]);
  });

  it('fails with n8n\'s status wording and GitHub\'s message, or puts the message on the item with continue on fail', async () => {
    const failed = await run(1.1, { resource: 'issue', operation: 'get', ...repoByName, issueNumber: 999 });
    expect(failed.error?.message).toBe('The resource you are requesting could not be found');
    expect(failed.error?.description).toBe('Not Found');
    const invalid = await run(1.1, { resource: 'issue', operation: 'create', ...repoByName, title: '' });
    expect(invalid.error?.description).toBe('Validation Failed: missing_field');
    const kept = await run(1.1, { resource: 'issue', operation: 'get', ...repoByName, issueNumber: '={{ $json.n }}' }, { continueOnFail: true, items: [{ json: { n: 999 } }, { json: { n: 1 } }] });
    expect(kept.output[0]).toEqual({ json: { error: 'The resource you are requesting could not be found' }, pairedItem: { item: 0 } });
    expect(kept.output[1].json).toMatchObject({ number: 1 });
    const badToken = await run(1.1, { resource: 'issue', operation: 'get', ...repoByName, issueNumber: 1 }, { credentials: { githubApi: { server: github.url, accessToken: 'wrong' } } });
    expect(badToken.error?.description).toBe('Bad credentials');
  });
});

describe('GitHub lists', () => {
  it('returnAll follows the Link header 100 at a time; otherwise one page of Limit', async () => {
    const all = await run(1.1, { resource: 'repository', operation: 'getIssues', ...repoByName, returnAll: true, getRepositoryIssuesFilters: { state: 'all' } });
    expect(all.output.length).toBe(github.issues.length);
    expect(github.seen.map((s) => s.query)).toEqual([{ state: 'all', per_page: '100', page: '1' }]);
    const limited = await run(1.1, { resource: 'repository', operation: 'getIssues', ...repoByName, limit: 5, getRepositoryIssuesFilters: { state: 'all' } });
    expect(limited.output.map((i) => i.json.number)).toEqual([1, 2, 3, 4, 5]);
    expect(github.seen[0].query).toEqual({ state: 'all', per_page: '5' });
    const repos = await run(1, { resource: 'user', operation: 'getRepositories', owner: 'octo', returnAll: true });
    expect(repos.output.map((i) => i.json.full_name)).toEqual(['octo/repo0', 'octo/repo1', 'octo/repo2']);
  });

  it('pages through every page when there are more than 100 (Link rel="next")', async () => {
    const start = github.issues.length;
    for (let n = start; n < 230; n++) github.issues.push({ id: 1000 + n, number: n + 1, title: `Issue ${n + 1}`, state: 'open', labels: [], assignees: [] });
    const all = await run(1.1, { resource: 'repository', operation: 'getIssues', ...repoByName, returnAll: true });
    expect(github.seen.map((s) => s.query.page)).toEqual(['1', '2', '3']);
    expect(all.output.length).toBe(github.issues.filter((i) => i.state === 'open').length);
  });

  it('waits out a 429 with Retry-After and then succeeds; fails with GitHub\'s message when it persists', async () => {
    github.rateLimit(1, 1);
    const started = Date.now();
    const ok = await run(1.1, { resource: 'repository', operation: 'get', ...repoByName });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(github.seen).toHaveLength(2);
    expect(ok.output[0].json).toMatchObject({ full_name: 'octo/hello' });
    github.rateLimit(0, 5);
    const failed = await run(1.1, { resource: 'repository', operation: 'get', ...repoByName });
    expect(github.seen).toHaveLength(3);
    expect(failed.error?.description).toBe('API rate limit exceeded for user ID 1.');
    github.rateLimit(0, 0);
  });
});

describe('GitHub files', () => {
  it('creates from text (base64-encoded), edits with the current SHA, gets as binary, lists, deletes', async () => {
    const created = await run(1.1, { resource: 'file', operation: 'create', ...repoByName, filePath: 'notes/today.md', fileContent: 'hello world', commitMessage: 'add notes',
      additionalParameters: { branch: { branch: 'main' }, author: { name: 'Ann', email: 'ann@example.com' } } });
    expect(github.seen[0]).toMatchObject({ method: 'PUT', path: '/repos/octo/hello/contents/notes%2Ftoday.md', body: {
      message: 'add notes', content: Buffer.from('hello world').toString('base64'), branch: 'main', author: { name: 'Ann', email: 'ann@example.com' } } });
    expect(created.output[0].json).toMatchObject({ content: { path: 'notes/today.md' }, commit: { message: 'add notes' } });
    const sha = github.files.get('notes/today.md')!.sha;
    await run(1.1, { resource: 'file', operation: 'edit', ...repoByName, filePath: 'notes/today.md', binaryData: true, commitMessage: 'update' },
      { items: [{ json: {}, binary: { data: { data: Buffer.from('new text').toString('base64'), mimeType: 'text/plain', fileName: 'x.txt' } } }] });
    expect(github.seen.map((s) => [s.method, s.query.ref])).toEqual([['GET', undefined], ['PUT', undefined]]);
    expect(github.seen[1].body).toMatchObject({ sha, content: Buffer.from('new text').toString('base64') });
    expect(github.files.get('notes/today.md')!.content.toString()).toBe('new text');
    const got = await run(1.1, { resource: 'file', operation: 'get', ...repoByName, filePath: 'notes/today.md', additionalParameters: { reference: 'main' } }, { items: [{ json: { from: 'input' } }] });
    expect(github.seen[0].query).toEqual({ ref: 'main' });
    expect(got.output[0].json).toEqual({ from: 'input' });
    expect(Buffer.from(got.output[0].binary!.data.data, 'base64').toString()).toBe('new text');
    expect(got.output[0].binary!.data).toMatchObject({ fileName: 'today.md' });
    const raw = await run(1.1, { resource: 'file', operation: 'get', ...repoByName, filePath: 'README.md', asBinaryProperty: false });
    expect(raw.output[0].json).toMatchObject({ type: 'file', encoding: 'base64', path: 'README.md' });
    const folder = await run(1.1, { resource: 'file', operation: 'get', ...repoByName, filePath: 'docs/' });
    expect(folder.error?.message).toBe('File Path is a folder, not a file.');
    const listed = await run(1.1, { resource: 'file', operation: 'list', ...repoByName, filePath: 'notes/' });
    expect(github.seen[0].path).toBe('/repos/octo/hello/contents/notes');
    expect(listed.output.map((i) => i.json.path)).toEqual(['notes/today.md']);
    const deleted = await run(1.1, { resource: 'file', operation: 'delete', ...repoByName, filePath: 'notes/today.md', commitMessage: 'remove' });
    expect(github.seen.map((s) => s.method)).toEqual(['GET', 'DELETE']);
    expect(deleted.output[0].json).toMatchObject({ content: null, commit: { message: 'remove' } });
    expect(github.files.has('notes/today.md')).toBe(false);
  });
});

describe('GitHub releases, reviews, workflows and OAuth2', () => {
  it('release create/get/update/delete', async () => {
    const created = await run(1.1, { resource: 'release', operation: 'create', ...repoByName, releaseTag: 'v1.0.0', additionalFields: { name: 'First', draft: true } });
    expect(github.seen[0].body).toEqual({ name: 'First', draft: true, tag_name: 'v1.0.0' });
    expect(created.output[0].json).toMatchObject({ id: 77 });
    const updated = await run(1.1, { resource: 'release', operation: 'update', ...repoByName, release_id: '77', additionalFields: { prerelease: true } });
    expect(github.seen[0]).toMatchObject({ method: 'PATCH', path: '/repos/octo/hello/releases/77', body: { prerelease: true } });
    expect(updated.output[0].json).toMatchObject({ prerelease: true });
    const deleted = await run(1.1, { resource: 'release', operation: 'delete', ...repoByName, release_id: '77' });
    expect(deleted.output).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
  });

  it('review create sends the event in upper snake case and the body only where it belongs', async () => {
    await run(1.1, { resource: 'review', operation: 'create', ...repoByName, pullRequestNumber: 4, event: 'requestChanges', body: 'Please add tests', additionalFields: { commitId: 'abc' } });
    expect(github.seen[0]).toMatchObject({ path: '/repos/octo/hello/pulls/4/reviews', body: { event: 'REQUEST_CHANGES', body: 'Please add tests', commitId: 'abc' } });
    await run(1.1, { resource: 'review', operation: 'create', ...repoByName, pullRequestNumber: 4, event: 'approve', body: 'ignored' });
    expect(github.seen[0].body).toEqual({ event: 'APPROVE' });
  });

  it('workflow dispatch (v1 ref string, v1.1 ref locator, inputs JSON), list; dispatchAndWait fails clearly', async () => {
    const v1 = await run(1, { resource: 'workflow', operation: 'dispatch', owner: 'octo', repository: 'hello', workflowId: { __rl: true, mode: 'filename', value: 'ci.yml' }, ref: 'main', inputs: '{"env":"prod"}' });
    expect(github.seen[0]).toMatchObject({ method: 'POST', path: '/repos/octo/hello/actions/workflows/ci.yml/dispatches', body: { ref: 'main', inputs: { env: 'prod' } } });
    expect(v1.output).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
    await run(1.1, { resource: 'workflow', operation: 'dispatch', ...repoByName, workflowId: { __rl: true, mode: 'list', value: 161335 }, ref: { __rl: true, mode: 'name', value: 'release/1.x' } });
    expect(github.seen[0].body).toEqual({ ref: 'release/1.x', inputs: {} });
    const bad = await run(1.1, { resource: 'workflow', operation: 'dispatch', ...repoByName, workflowId: { __rl: true, mode: 'list', value: 161335 }, ref: { __rl: true, mode: 'name', value: 'main' }, inputs: '{oops' });
    expect(bad.error?.message).toBe('Inputs: Invalid JSON');
    const listed = await run(1.1, { resource: 'workflow', operation: 'list', ...repoByName });
    expect(listed.output[0].json).toMatchObject({ total_count: 1 });
    const wait = await run(1.1, { resource: 'workflow', operation: 'dispatchAndWait', ...repoByName, workflowId: { __rl: true, mode: 'list', value: 161335 } });
    expect(wait.error?.message).toContain('"dispatchAndWait"');
    expect(github.seen).toHaveLength(0);
  });

  it('OAuth2 sends the token of the OAuth2 exchange to the credential\'s server', async () => {
    const { output } = await run(1.1, { authentication: 'oAuth2', resource: 'repository', operation: 'get', ...repoByName });
    expect(github.seen[0].authorization).toBe(`token ${GITHUB_TOKEN}`);
    expect(output[0].json).toMatchObject({ full_name: 'octo/hello' });
  });

  it('the credential test names the account, and says what GitHub said otherwise', async () => {
    await expect(testGithubCredential({ server: github.url, accessToken: GITHUB_TOKEN }, 5000)).resolves.toBe('Connection successful: signed in as octo');
    await expect(testGithubCredential({ server: github.url, accessToken: 'nope' }, 5000)).rejects.toThrow('Authorization failed - please check your credentials: Bad credentials');
  });

  it('the other read and write operations call the documented endpoints and output one item per element', async () => {
    const cases: Array<[Record<string, unknown>, string, string, number]> = [
      [{ resource: 'repository', operation: 'getLicense' }, 'GET', '/repos/octo/hello/license', 1],
      [{ resource: 'repository', operation: 'getProfile' }, 'GET', '/repos/octo/hello/community/profile', 1],
      [{ resource: 'repository', operation: 'listPopularPaths' }, 'GET', '/repos/octo/hello/traffic/popular/paths', 2],
      [{ resource: 'repository', operation: 'listReferrers' }, 'GET', '/repos/octo/hello/traffic/popular/referrers', 1],
      [{ resource: 'repository', operation: 'getPullRequests', limit: 10, getRepositoryPullRequestsFilters: { state: 'open' } }, 'GET', '/repos/octo/hello/pulls', 2],
      [{ resource: 'release', operation: 'getAll', returnAll: true }, 'GET', '/repos/octo/hello/releases', 2],
      [{ resource: 'release', operation: 'get', release_id: '77' }, 'GET', '/repos/octo/hello/releases/77', 1],
      [{ resource: 'review', operation: 'getAll', pullRequestNumber: 4, limit: 1 }, 'GET', '/repos/octo/hello/pulls/4/reviews', 1],
      [{ resource: 'review', operation: 'get', pullRequestNumber: 4, reviewId: '80' }, 'GET', '/repos/octo/hello/pulls/4/reviews/80', 1],
      [{ resource: 'review', operation: 'update', pullRequestNumber: 4, reviewId: '80', body: 'LGTM' }, 'PUT', '/repos/octo/hello/pulls/4/reviews/80', 1],
      [{ resource: 'workflow', operation: 'get', workflowId: { __rl: true, mode: 'name', value: '161335' } }, 'GET', '/repos/octo/hello/actions/workflows/161335', 1],
      [{ resource: 'workflow', operation: 'getUsage', workflowId: { __rl: true, mode: 'filename', value: 'ci.yml' } }, 'GET', '/repos/octo/hello/actions/workflows/ci.yml/timing', 1],
      [{ resource: 'workflow', operation: 'enable', workflowId: { __rl: true, mode: 'filename', value: 'ci.yml' } }, 'PUT', '/repos/octo/hello/actions/workflows/ci.yml/enable', 1],
      [{ resource: 'workflow', operation: 'disable', workflowId: { __rl: true, mode: 'filename', value: 'ci.yml' } }, 'PUT', '/repos/octo/hello/actions/workflows/ci.yml/disable', 1],
    ];
    for (const [parameters, method, path, count] of cases) {
      const { output, error } = await run(1.1, { ...repoByName, ...parameters });
      expect(error, `${String(parameters.resource)}:${String(parameters.operation)}`).toBeUndefined();
      expect(github.seen.map((s) => [s.method, s.path])).toEqual([[method, path]]);
      expect(output).toHaveLength(count);
    }
    expect((await run(1.1, { ...repoByName, resource: 'review', operation: 'update', pullRequestNumber: 4, reviewId: '80', body: 'LGTM' })).output[0].json).toMatchObject({ body: 'LGTM' });
  });

  it('user and organization operations need no repository; getUserIssues needs no owner either', async () => {
    const org = await run(1.1, { resource: 'organization', operation: 'getRepositories', owner: { __rl: true, mode: 'url', value: 'https://github.com/acme' }, returnAll: false, limit: 20 });
    expect(github.seen.map((s) => [s.path, s.query])).toEqual([['/orgs/acme/repos', { per_page: '20' }]]);
    expect(org.output.map((i) => i.json.full_name)).toEqual(['acme/site']);
    const issues = await run(1.1, { resource: 'user', operation: 'getUserIssues', limit: 3, getUserIssuesFilters: { labels: 'bug', sort: 'updated' } });
    expect(github.seen.map((s) => [s.path, s.query])).toEqual([['/issues', { labels: 'bug', sort: 'updated', per_page: '3' }]]);
    expect(issues.output).toHaveLength(3);
    const invited = await run(1.1, { resource: 'user', operation: 'invite', organization: 'acme', email: 'new@example.com' });
    expect(github.seen[0]).toMatchObject({ method: 'POST', path: '/orgs/acme/invitations', body: { email: 'new@example.com' } });
    expect(invited.output[0].json).toMatchObject({ email: 'new@example.com' });
    const bad = await run(1.1, { resource: 'user', operation: 'invite', organization: 'acme', email: 'nope' });
    expect([bad.error?.message, bad.error?.description]).toEqual(['Request failed with status code 422', 'Validation Failed: invalid']);
  });

  it('issue:create without labels or assignees sends empty lists', async () => {
    await run(1, { resource: 'issue', operation: 'create', owner: 'octo', repository: 'hello', title: 'Plain' });
    expect(github.seen[0].body).toEqual({ title: 'Plain', body: '', labels: [], assignees: [] });
  });
});
