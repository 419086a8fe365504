// Reddit (n8n-nodes-base.reddit, v1): posts, comments, the signed-in profile, subreddits and users.
// As n8n does, post, postComment and profile call oauth.reddit.com with the OAuth2 token; subreddit
// and user read the public JSON listings of www.reddit.com without a credential. Every call carries
// `api_type=json` in its query, and listings are followed with `after` 100 at a time.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { collection, param } from '../shared/params.ts';
import { restCall, runPerItem, type HttpMethod } from '../shared/rest-call.ts';
import { redditCredentials, redditProperties } from './reddit.description.ts';

import { serviceUrl } from '../shared/service-url.ts';

export const redditOAuthUrl = () => serviceUrl('reddit-oauth', 'https://oauth.reddit.com');
export const redditPublicUrl = () => serviceUrl('reddit', 'https://www.reddit.com');

const AUTHENTICATED = ['profile', 'post', 'postComment'];

interface Reddit { ctx: ExecuteContext; transport: Dispatcher; resource: string; operation: string }

const readError = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as JsonObject;
  const errors = (b.json as JsonObject | undefined)?.errors;
  if (Array.isArray(errors) && errors.length) return JSON.stringify(errors);
  if (typeof b.message === 'string') return b.error !== undefined ? `${b.message} (${String(b.error)})` : b.message;
  return typeof b.error === 'string' ? b.error : undefined;
};

async function call(api: Reddit, method: HttpMethod, endpoint: string, query: JsonObject = {}): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const authenticated = AUTHENTICATED.includes(api.resource);
  const headers: Record<string, string> = { 'user-agent': 'n8n' };
  if (authenticated) {
    const credential = await api.ctx.credentials.get('redditOAuth2Api');
    const token = (credential.oauthTokenData as JsonObject | undefined)?.access_token;
    if (typeof token !== 'string' || !token) throw new NodeOperationError(api.ctx.node.name, 'The Reddit OAuth2 credential has no access token', { description: 'Connect the credential first' });
    headers.authorization = `Bearer ${token}`;
  }
  const base = authenticated ? redditOAuthUrl() : redditPublicUrl();
  return restCall(api.ctx, api.transport, {
    service: 'Reddit', method, url: `${base}/${endpoint}`, query: { ...query, api_type: 'json' }, headers }, readError);
}

/** n8n's listing walk: 100 per page following `data.after`; without Return All it stops once it has 100 and keeps `limit`. */
async function listing(api: Reddit, itemIndex: number, endpoint: string, query: JsonObject = {}): Promise<unknown[]> {
  const all = param(api.ctx, 'returnAll', itemIndex, false);
  const limit = param(api.ctx, 'limit', itemIndex, 100);
  const q: JsonObject = { ...query, limit: 100 };
  const entries: unknown[] = [];
  for (;;) {
    const answer = await call(api, 'GET', endpoint, q);
    const page = api.resource === 'postComment' && api.operation === 'getAll' ? answer?.[1] : answer;
    for (const child of page?.data?.children ?? []) entries.push(child.data);
    const after = Array.isArray(answer) ? undefined : answer?.data?.after;
    if (!all && entries.length >= 100) break;
    if (!after) break;
    q.after = after;
  }
  return all ? entries : entries.slice(0, limit);
}

const PROFILE_PATHS: Record<string, string> = {
  identity: 'me', blockedUsers: 'me/blocked', friends: 'me/friends', karma: 'me/karma', prefs: 'me/prefs', trophies: 'me/trophies',
};

async function run(api: Reddit, i: number): Promise<unknown> {
  const { ctx, resource, operation } = api;
  const p = (name: string) => param(ctx, name, i, '' as unknown) as string;
  const cut = (list: unknown[]) => (param(ctx, 'returnAll', 0, false) ? list : list.slice(0, param(ctx, 'limit', 0, 100)));
  if (resource === 'post') {
    if (operation === 'create') {
      const kind = param(ctx, 'kind', i, 'self');
      const query: JsonObject = { title: p('title'), sr: p('subreddit'), kind };
      if (kind === 'self') query.text = p('text');
      else query.url = p('url');
      if (query.url) query.resubmit = param(ctx, 'resubmit', i, false);
      return (await call(api, 'POST', 'api/submit', query)).json.data;
    }
    if (operation === 'delete') {
      await call(api, 'POST', 'api/del', { id: `t3_${p('postId')}` });
      return { success: true };
    }
    if (operation === 'get') return (await call(api, 'GET', `r/${p('subreddit')}/comments/${p('postId')}.json`))[0].data.children[0].data;
    if (operation === 'getAll') {
      const category = collection(ctx, 'filters', i).category;
      return listing(api, i, category ? `r/${p('subreddit')}/${String(category)}.json` : `r/${p('subreddit')}.json`);
    }
    if (operation === 'search') {
      const location = param(ctx, 'location', i, 'subreddit');
      const query: JsonObject = { q: p('keyword'), restrict_sr: location === 'subreddit' };
      const sort = collection(ctx, 'additionalFields', i).sort;
      if (sort) query.sort = sort;
      return cut(await listing(api, i, location === 'allReddit' ? 'search.json' : `r/${p('subreddit')}/search.json`, query));
    }
  }
  if (resource === 'postComment') {
    if (operation === 'create') return (await call(api, 'POST', 'api/comment', { text: p('commentText'), thing_id: `t3_${p('postId')}` })).json.data.things[0].data;
    if (operation === 'getAll') return listing(api, i, `r/${p('subreddit')}/comments/${p('postId')}.json`);
    if (operation === 'delete') {
      await call(api, 'POST', 'api/del', { id: `t1_${p('commentId')}` });
      return { success: true };
    }
    if (operation === 'reply') return (await call(api, 'POST', 'api/comment', { text: p('replyText'), thing_id: `t1_${p('commentId')}` })).json.data.things[0].data;
  }
  if (resource === 'profile' && operation === 'get') {
    const details = param(ctx, 'details', i, 'identity');
    if (details === 'saved') {
      const { name } = await call(api, 'GET', 'api/v1/me');
      return listing(api, i, `user/${String(name)}/saved.json`);
    }
    const answer = await call(api, 'GET', `api/v1/${PROFILE_PATHS[details] ?? details}`);
    if (details === 'identity') return answer.features;
    if (details === 'friends' || details === 'karma') {
      const list = details === 'friends' ? answer.data?.children : answer.data;
      if (!Array.isArray(list) || !list.length) throw new NodeOperationError(ctx.node.name, `Reddit returned no ${details}`, { itemIndex: i });
      return list;
    }
    if (details === 'trophies') return (answer.data.trophies as JsonObject[]).map((trophy) => trophy.data);
    return answer;
  }
  if (resource === 'subreddit') {
    if (operation === 'get') {
      const content = param(ctx, 'content', i, 'about');
      const answer = await call(api, 'GET', `r/${p('subreddit')}/about/${content}.json`);
      return content === 'rules' ? answer.rules : content === 'about' ? answer.data : answer;
    }
    if (operation === 'getAll') {
      const filters = collection(ctx, 'filters', i);
      if (filters.trending) return cut(((await call(api, 'GET', 'api/trending_subreddits.json')).subreddit_names as string[]).map((name) => ({ name })));
      if (filters.keyword) {
        const answer = await call(api, 'POST', 'api/search_subreddits.json', { query: filters.keyword });
        // n8n hands back the whole answer with Return All, the first `limit` subreddits otherwise.
        return param(ctx, 'returnAll', 0, false) ? answer : (answer.subreddits as unknown[]).slice(0, param(ctx, 'limit', 0, 100));
      }
      return listing(api, i, 'r/subreddits.json');
    }
  }
  if (resource === 'user' && operation === 'get') {
    const details = param(ctx, 'details', i, 'about');
    const endpoint = `user/${p('username')}/${details}.json`;
    return details === 'about' ? (await call(api, 'GET', endpoint)).data : listing(api, i, endpoint);
  }
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex: i });
}

const DEFAULT_OPERATION: Record<string, string> = { post: 'create', postComment: 'create', profile: 'get', subreddit: 'get', user: 'get' };

export const redditNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.reddit', displayName: 'Reddit', icon: 'file:reddit.svg', group: ['transform'], version: [1],
    description: 'Consume the Reddit API',
    defaults: { name: 'Reddit' }, inputs: ['main'], outputs: ['main'], credentials: redditCredentials, properties: redditProperties,
  },
  async execute(ctx) {
    const resource = param(ctx, 'resource', 0, 'post');
    const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'get');
    const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
    try {
      return await runPerItem(ctx, (i) => run({ ctx, transport, resource, operation }, i));
    } finally {
      await transport.close();
    }
  },
};
