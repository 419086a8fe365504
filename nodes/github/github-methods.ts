// The GitHub node's (and GitHub Trigger's) editor methods for their resource locators: owners and
// repositories through the search API, a repository's Actions workflows, and its branches and tags.
// Each answers one page; the next page number is the pagination token, as n8n's node does.
import { NodeOperationError, type ExecuteContext, type JsonObject, type ListSearchPage, type NodeMethods } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { githubRequest, githubServer, type GithubConnection, type GithubRequest } from './github-api.ts';
import { locatorValue } from './github-locator.ts';

const PER_PAGE = 100;

async function connection(ctx: ExecuteContext): Promise<GithubConnection> {
  if (param(ctx, 'authentication', 0, 'accessToken') === 'oAuth2') {
    const data = await ctx.credentials.get('githubOAuth2Api');
    const token = (data.oauthTokenData as JsonObject | undefined)?.access_token;
    if (typeof token !== 'string' || !token) throw new NodeOperationError(ctx.node.name, 'The GitHub OAuth2 credential has no access token', { description: 'Connect the credential first' });
    return { server: githubServer(data), token };
  }
  const data = await ctx.credentials.get('githubApi');
  return { server: githubServer(data), token: String(data.accessToken ?? '') };
}

async function get(ctx: ExecuteContext, endpoint: string, query: GithubRequest['query']): Promise<unknown> {
  const conn = await connection(ctx);
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await githubRequest({ transport, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, nodeName: ctx.node.name }, conn, { method: 'GET', endpoint, query });
  } catch (error) {
    throw error instanceof NodeOperationError ? error : serviceCallError(ctx.node.name, error, 0);
  } finally {
    await transport.close();
  }
}

const pageOf = (token?: string) => (token ? Number(token) || 1 : 1);
const nextToken = (page: number, total: number) => (page * PER_PAGE < total ? String(page + 1) : undefined);
const located = (ctx: ExecuteContext, name: string) => locatorValue(name, param<unknown>(ctx, name, 0, ''));

interface SearchAnswer { total_count?: number; items?: Array<{ login?: string; name?: string; html_url?: string }> }

function listPage(results: ListSearchPage['results'], paginationToken?: string): ListSearchPage {
  return paginationToken ? { results, paginationToken } : { results };
}

export const githubMethods: NodeMethods = {
  listSearch: {
    /** Accounts whose login matches the search text. */
    async getUsers(ctx, filter, paginationToken) {
      const page = pageOf(paginationToken);
      const answer = (await get(ctx, '/search/users', { q: filter, page, per_page: PER_PAGE })) as SearchAnswer;
      const results = (answer.items ?? []).map((user) => ({ name: String(user.login), value: String(user.login), url: String(user.html_url) }));
      return listPage(results, nextToken(page, answer.total_count ?? 0));
    },
    /** The owner's repositories (forks included) matching the search text; none when the search fails. */
    async getRepositories(ctx, filter, paginationToken) {
      const page = pageOf(paginationToken);
      const q = `${filter ?? ''} user:${located(ctx, 'owner')} fork:true`;
      let answer: SearchAnswer = { items: [], total_count: 0 };
      try {
        answer = (await get(ctx, '/search/repositories', { q, page, per_page: PER_PAGE })) as SearchAnswer;
      } catch {
        // GitHub refuses the search when the owner has no repositories (or does not exist).
      }
      const results = (answer.items ?? []).map((repo) => ({ name: String(repo.name), value: String(repo.name), url: String(repo.html_url) }));
      return listPage(results, nextToken(page, answer.total_count ?? 0));
    },
    /** The repository's Actions workflows by name, their id as value; none when they cannot be read. */
    async getWorkflows(ctx, filter, paginationToken) {
      const owner = located(ctx, 'owner');
      const repository = located(ctx, 'repository');
      if (!owner || !repository) return { results: [] };
      const page = pageOf(paginationToken);
      let answer: { total_count?: number; workflows?: Array<{ id: number; name: string; html_url?: string }> } = { workflows: [], total_count: 0 };
      try {
        answer = (await get(ctx, `/repos/${owner}/${repository}/actions/workflows`, { page, per_page: PER_PAGE })) as typeof answer;
      } catch {
        // A repository without Actions (or not readable) has no workflows to offer.
      }
      const needle = filter?.toLowerCase();
      const results = (answer.workflows ?? [])
        .filter((workflow) => !needle || String(workflow.name).toLowerCase().includes(needle))
        .map((workflow) => ({ name: String(workflow.name), value: workflow.id, ...(workflow.html_url ? { url: workflow.html_url } : {}) }));
      return listPage(results, nextToken(page, answer.total_count ?? 0));
    },
    /** The repository's branches, then its tags, filtered by the search text. */
    async getRefs(ctx, filter, paginationToken) {
      const owner = located(ctx, 'owner');
      const repository = located(ctx, 'repository');
      if (!owner || !repository) return { results: [] };
      const page = pageOf(paginationToken);
      const list = async (kind: 'branches' | 'tags') => {
        try {
          return (await get(ctx, `/repos/${owner}/${repository}/${kind}`, { page, per_page: PER_PAGE })) as Array<{ name: string }>;
        } catch {
          return [];
        }
      };
      const [branches, tags] = await Promise.all([list('branches'), list('tags')]);
      const needle = filter?.toLowerCase();
      const results = [...(Array.isArray(branches) ? branches : []), ...(Array.isArray(tags) ? tags : [])]
        .map((ref) => ({ name: String(ref.name), value: String(ref.name) }))
        .filter((ref) => !needle || ref.name.toLowerCase().includes(needle));
      const more = (Array.isArray(branches) && branches.length === PER_PAGE) || (Array.isArray(tags) && tags.length === PER_PAGE);
      return listPage(results, more ? String(page + 1) : undefined);
    },
  },
};

/** The GitHub Trigger declares only the owner and repository locators. */
export const githubTriggerMethods: NodeMethods = {
  listSearch: { getUsers: githubMethods.listSearch!.getUsers, getRepositories: githubMethods.listSearch!.getRepositories },
};
