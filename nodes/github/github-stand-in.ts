// A local stand-in for GitHub's REST API, written from its public documentation (docs.github.com/rest):
// the token in `Authorization: token|Bearer …` (401 {message: 'Bad credentials'} otherwise), JSON
// answers, `{message, documentation_url}` errors, list endpoints paged by `per_page`/`page` with a
// Link header (rel="next"/"last"), repository contents as base64 (a folder answers an array), 204
// for dispatches, locks and deletions, and a 429 with Retry-After on demand.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GITHUB_TOKEN = 'ghp_standInToken123';

export interface SeenRequest { method: string; path: string; query: Record<string, string>; body: unknown; authorization: string }
export interface StoredFile { content: Buffer; sha: string }
export interface GithubStandIn {
  url: string;
  seen: SeenRequest[];
  /** Files of the repository octo/hello, by path. */
  files: Map<string, StoredFile>;
  /** Issues of octo/hello (35 to start: lists need a few pages). */
  issues: Array<Record<string, unknown>>;
  /** The next `times` calls answer 429 with Retry-After `seconds`. */
  rateLimit(seconds: number, times?: number): void;
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly extra: Record<string, unknown> = {}) { super(message); }
}

const DOCS = 'https://docs.github.com/rest';
const OWNER = { login: 'octo', id: 1, type: 'User' };
const REPO = { id: 100, name: 'hello', full_name: 'octo/hello', owner: OWNER, private: false, default_branch: 'main' };

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'Problems parsing JSON');
  }
}

/** Accounts the search API knows: octo and 120 fans (searches page through them). */
const ACCOUNTS = ['octo', ...Array.from({ length: 120 }, (_, i) => `octo-fan-${i + 1}`), 'someone-else'];
/** Repositories the search API knows, by owner (one a fork: found only with `fork:true`). */
const SEARCHABLE_REPOS = [
  { owner: 'octo', name: 'hello', fork: false }, { owner: 'octo', name: 'hello-world', fork: true },
  { owner: 'octo', name: 'dotfiles', fork: false }, { owner: 'someone-else', name: 'hello-there', fork: false },
];
const BRANCHES = ['main', 'dev', 'feature/login'];
const TAGS = ['v1.0.0', 'v1.1.0'];

/** GitHub's search answer for one page: `total_count`, `incomplete_results`, `items` (docs.github.com/rest/search). */
function searchPage<T>(all: T[], query: Record<string, string>): { total_count: number; incomplete_results: boolean; items: T[] } {
  const perPage = Math.min(Number(query.per_page ?? 30), 100);
  const pageNo = Number(query.page ?? 1);
  return { total_count: all.length, incomplete_results: false, items: all.slice((pageNo - 1) * perPage, pageNo * perPage) };
}

/** The words and qualifiers (`user:x`, `fork:true`) of a search `q`; GitHub answers 422 without one. */
function searchTerms(query: Record<string, string>): { words: string[]; qualifiers: Map<string, string> } {
  if (!query.q || !query.q.trim()) throw new ApiError(422, 'Validation Failed', { errors: [{ resource: 'Search', field: 'q', code: 'missing' }] });
  const words: string[] = [];
  const qualifiers = new Map<string, string>();
  for (const token of query.q.trim().split(/\s+/)) {
    const at = token.indexOf(':');
    if (at > 0) qualifiers.set(token.slice(0, at), token.slice(at + 1));
    else words.push(token.toLowerCase());
  }
  return { words, qualifiers };
}

let shaCounter = 0;
const nextSha = () => `sha${String(++shaCounter).padStart(6, '0')}`;

export async function startGithubStandIn(): Promise<GithubStandIn> {
  const seen: SeenRequest[] = [];
  const files = new Map<string, StoredFile>([
    ['README.md', { content: Buffer.from('# Hello\n'), sha: nextSha() }],
    ['docs/guide.txt', { content: Buffer.from('read me'), sha: nextSha() }],
  ]);
  const issues: Array<Record<string, unknown>> = Array.from({ length: 35 }, (_, i) => ({ id: 1000 + i, number: i + 1, title: `Issue ${i + 1}`, state: 'open', labels: [], assignees: [] }));
  let limited = { seconds: 0, times: 0 };
  let base = '';

  function page<T>(list: T[], path: string, query: Record<string, string>): { body: T[]; link?: string } {
    const perPage = Math.min(Number(query.per_page ?? 30), 100);
    const pageNo = Number(query.page ?? 1);
    const body = list.slice((pageNo - 1) * perPage, pageNo * perPage);
    const last = Math.max(1, Math.ceil(list.length / perPage));
    const at = (n: number) => `<${base}${path}?${new URLSearchParams({ ...query, per_page: String(perPage), page: String(n) }).toString()}>`;
    const links = [...(pageNo < last ? [`${at(pageNo + 1)}; rel="next"`] : []), `${at(last)}; rel="last"`];
    return { body, link: links.join(', ') };
  }

  function contentEntry(path: string, file: StoredFile, withContent: boolean) {
    return {
      type: 'file', name: path.split('/').pop(), path, sha: file.sha, size: file.content.length,
      ...(withContent ? { encoding: 'base64', content: file.content.toString('base64').replace(/(.{60})/g, '$1\n') } : {}),
    };
  }

  function route(method: string, path: string, query: Record<string, string>, body: Record<string, unknown>): { status: number; body?: unknown; link?: string } {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/user') return { status: 200, body: { login: 'octo', id: 1 } };
    if ((m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path))) {
      const [, owner, repo, rest = ''] = m;
      if (owner !== 'octo' || repo !== 'hello') throw new ApiError(404, 'Not Found');
      if (method === 'GET' && rest === '') return { status: 200, body: REPO };
      if ((m = /^\/contents\/(.*)$/.exec(rest)) || rest === '/contents') {
        const filePath = decodeURIComponent(m?.[1] ?? '');
        const file = files.get(filePath);
        if (method === 'GET') {
          if (file) return { status: 200, body: contentEntry(filePath, file, true) };
          const inside = [...files.entries()].filter(([p]) => (filePath ? p.startsWith(`${filePath}/`) : true));
          if (inside.length === 0) throw new ApiError(404, 'Not Found');
          return { status: 200, body: inside.map(([p, f]) => contentEntry(p, f, false)) };
        }
        if (method === 'PUT') {
          if (typeof body.message !== 'string' || typeof body.content !== 'string') throw new ApiError(422, 'Invalid request.\n\n"message", "content" weren\'t supplied.');
          if (file && body.sha !== file.sha) throw new ApiError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
          const stored = { content: Buffer.from(body.content, 'base64'), sha: nextSha() };
          files.set(filePath, stored);
          return { status: file ? 200 : 201, body: { content: contentEntry(filePath, stored, false), commit: { sha: nextSha(), message: body.message } } };
        }
        if (method === 'DELETE') {
          if (!file) throw new ApiError(404, 'Not Found');
          if (body.sha !== file.sha) throw new ApiError(409, `${filePath} does not match ${String(body.sha)}`);
          files.delete(filePath);
          return { status: 200, body: { content: null, commit: { sha: nextSha(), message: body.message } } };
        }
      }
      if (rest === '/issues' && method === 'GET') return { status: 200, ...page(issues.filter((i) => (query.state ?? 'open') === 'all' || i.state === (query.state ?? 'open')), path, query) };
      if (rest === '/issues' && method === 'POST') {
        if (typeof body.title !== 'string' || !body.title) throw new ApiError(422, 'Validation Failed', { errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }] });
        const issue = {
          id: 1000 + issues.length, number: issues.length + 1, title: body.title, body: body.body ?? null, state: 'open',
          labels: ((body.labels as string[] | undefined) ?? []).map((name) => ({ name })), assignees: ((body.assignees as string[] | undefined) ?? []).map((login) => ({ login })),
        };
        issues.push(issue);
        return { status: 201, body: issue };
      }
      if ((m = /^\/issues\/(\d+)(\/comments|\/lock)?$/.exec(rest))) {
        const issue = issues.find((i) => i.number === Number(m![1]));
        if (!issue) throw new ApiError(404, 'Not Found');
        if (!m[2] && method === 'GET') return { status: 200, body: issue };
        if (!m[2] && method === 'PATCH') { Object.assign(issue, body); return { status: 200, body: issue }; }
        if (m[2] === '/comments' && method === 'POST') return { status: 201, body: { id: 5000, body: body.body, issue_url: `${base}/repos/octo/hello/issues/${issue.number}` } };
        if (m[2] === '/lock' && method === 'PUT') { issue.locked = true; issue.active_lock_reason = query.lock_reason ?? body.lock_reason ?? null; return { status: 204 }; }
      }
      if (rest === '/releases' && method === 'POST') return { status: 201, body: { id: 77, ...body } };
      if ((m = /^\/releases\/(\d+)$/.exec(rest))) {
        if (m[1] !== '77') throw new ApiError(404, 'Not Found');
        if (method === 'DELETE') return { status: 204 };
        if (method === 'GET') return { status: 200, body: { id: 77, tag_name: 'v1.0.0' } };
        if (method === 'PATCH') return { status: 200, body: { id: 77, tag_name: 'v1.0.0', ...body } };
      }
      if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest)) && method === 'POST') {
        if (!['APPROVE', 'REQUEST_CHANGES', 'COMMENT'].includes(String(body.event)) && body.event !== undefined) throw new ApiError(422, 'Unprocessable Entity');
        if ((body.event === 'REQUEST_CHANGES' || body.event === 'COMMENT') && !body.body) throw new ApiError(422, 'Unprocessable Entity', { errors: ['Body is required'] });
        return { status: 200, body: { id: 80, state: body.event === 'APPROVE' ? 'APPROVED' : 'COMMENTED', body: body.body ?? '', commit_id: body.commit_id ?? 'abc' } };
      }
      if ((m = /^\/actions\/workflows\/([^/]+)\/dispatches$/.exec(rest)) && method === 'POST') {
        if (m[1] !== 'ci.yml' && m[1] !== '161335') throw new ApiError(404, 'Not Found');
        if (typeof body.ref !== 'string') throw new ApiError(422, 'Invalid request.\n\n"ref" wasn\'t supplied.');
        return { status: 204 };
      }
      if (rest === '/actions/workflows' && method === 'GET') return { status: 200, body: { total_count: 1, workflows: [{ id: 161335, name: 'CI', path: '.github/workflows/ci.yml', state: 'active' }] } };
      if (rest === '/branches' && method === 'GET') return { status: 200, ...page(BRANCHES.map((name) => ({ name, commit: { sha: `b-${name}` }, protected: name === 'main' })), path, query) };
      if (rest === '/tags' && method === 'GET') return { status: 200, ...page(TAGS.map((name) => ({ name, commit: { sha: `t-${name}` } })), path, query) };
      if (rest === '/license' && method === 'GET') return { status: 200, body: { name: 'LICENSE', path: 'LICENSE', license: { key: 'mit', name: 'MIT License', spdx_id: 'MIT' } } };
      if (rest === '/community/profile' && method === 'GET') return { status: 200, body: { health_percentage: 100, description: 'Hello', files: {} } };
      if (rest === '/traffic/popular/paths' && method === 'GET') return { status: 200, body: [{ path: '/octo/hello', title: 'hello', count: 3, uniques: 2 }, { path: '/octo/hello/issues', title: 'Issues', count: 1, uniques: 1 }] };
      if (rest === '/traffic/popular/referrers' && method === 'GET') return { status: 200, body: [{ referrer: 'Google', count: 4, uniques: 3 }] };
      if (rest === '/pulls' && method === 'GET') return { status: 200, ...page([{ number: 4, state: 'open', title: 'Add tests' }, { number: 5, state: 'open', title: 'Fix docs' }], path, query) };
      if (rest === '/releases' && method === 'GET') return { status: 200, ...page([{ id: 77, tag_name: 'v1.0.0' }, { id: 78, tag_name: 'v1.1.0' }], path, query) };
      if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest)) && method === 'GET') return { status: 200, ...page([{ id: 80, state: 'APPROVED' }, { id: 81, state: 'COMMENTED' }], path, query) };
      if ((m = /^\/pulls\/(\d+)\/reviews\/(\d+)$/.exec(rest))) {
        if (m[2] !== '80') throw new ApiError(404, 'Not Found');
        if (method === 'GET') return { status: 200, body: { id: 80, state: 'APPROVED', body: 'ok' } };
        if (method === 'PUT') return { status: 200, body: { id: 80, state: 'APPROVED', body: body.body } };
      }
      if ((m = /^\/actions\/workflows\/([^/]+)(\/enable|\/disable|\/timing)?$/.exec(rest))) {
        if (m[1] !== 'ci.yml' && m[1] !== '161335') throw new ApiError(404, 'Not Found');
        if (!m[2] && method === 'GET') return { status: 200, body: { id: 161335, name: 'CI', path: '.github/workflows/ci.yml', state: 'active' } };
        if (m[2] === '/timing' && method === 'GET') return { status: 200, body: { billable: { UBUNTU: { total_ms: 180000 } } } };
        if ((m[2] === '/enable' || m[2] === '/disable') && method === 'PUT') return { status: 204 };
      }
    }
    if (path === '/search/users' && method === 'GET') {
      const { words } = searchTerms(query);
      const found = ACCOUNTS.filter((login) => words.every((word) => login.includes(word)));
      return { status: 200, body: searchPage(found.map((login, i) => ({ login, id: 10 + i, type: 'User', html_url: `https://github.com/${login}` })), query) };
    }
    if (path === '/search/repositories' && method === 'GET') {
      const { words, qualifiers } = searchTerms(query);
      const user = qualifiers.get('user');
      if (user && !ACCOUNTS.includes(user)) throw new ApiError(422, 'Validation Failed', { errors: [{ message: 'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.', resource: 'Search', field: 'q', code: 'invalid' }] });
      const found = SEARCHABLE_REPOS.filter((r) => (!user || r.owner === user) && (!r.fork || qualifiers.get('fork') === 'true') && words.every((word) => r.name.includes(word)));
      return { status: 200, body: searchPage(found.map((r, i) => ({ id: 500 + i, name: r.name, full_name: `${r.owner}/${r.name}`, fork: r.fork, html_url: `https://github.com/${r.owner}/${r.name}` })), query) };
    }
    if ((m = /^\/orgs\/([^/]+)\/repos$/.exec(path)) && method === 'GET') return { status: 200, ...page([{ ...REPO, id: 200, name: 'site', full_name: `${m[1]}/site` }], path, query) };
    if ((m = /^\/orgs\/([^/]+)\/invitations$/.exec(path)) && method === 'POST') {
      if (typeof body.email !== 'string' || !body.email.includes('@')) throw new ApiError(422, 'Validation Failed', { errors: [{ resource: 'OrganizationInvitation', code: 'invalid', field: 'email' }] });
      return { status: 201, body: { id: 1, email: body.email, role: 'direct_member', organization: m[1] } };
    }
    if (path === '/issues' && method === 'GET') return { status: 200, ...page(issues.filter((i) => (query.state ?? 'open') === 'all' || i.state === (query.state ?? 'open')).slice(0, 3), path, query) };
    if ((m = /^\/users\/([^/]+)\/repos$/.exec(path)) && method === 'GET') {
      const repos = Array.from({ length: 3 }, (_, i) => ({ ...REPO, id: 100 + i, name: `repo${i}`, full_name: `${m![1]}/repo${i}` }));
      return { status: 200, ...page(repos, path, query) };
    }
    throw new ApiError(404, 'Not Found');
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      const query = Object.fromEntries(url.searchParams);
      const answer = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { ...(json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...headers });
        res.end(json === undefined ? undefined : JSON.stringify(json));
      };
      try {
        const body = await readBody(req);
        const authorization = String(req.headers.authorization ?? '');
        seen.push({ method: req.method ?? 'GET', path: url.pathname, query, body, authorization });
        if (limited.times > 0) {
          limited.times--;
          return answer(429, { message: 'API rate limit exceeded for user ID 1.', documentation_url: DOCS }, { 'retry-after': String(limited.seconds) });
        }
        if (authorization !== `token ${GITHUB_TOKEN}` && authorization !== `Bearer ${GITHUB_TOKEN}`) throw new ApiError(401, 'Bad credentials');
        if (!req.headers['user-agent']) throw new ApiError(403, 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header');
        const result = route(req.method ?? 'GET', url.pathname, query, (body ?? {}) as Record<string, unknown>);
        answer(result.status, result.body, result.link ? { link: result.link } : {});
      } catch (error) {
        if (error instanceof ApiError) answer(error.status, { message: error.message, ...error.extra, documentation_url: DOCS });
        else answer(500, { message: String(error) });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base, seen, files, issues,
    rateLimit(seconds, times = 1) { limited = { seconds, times }; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
