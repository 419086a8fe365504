// Test support: a local stand-in for Jira Cloud's REST API (developer.atlassian.com/cloud/jira/
// platform/rest), v2 and v3: Basic auth (email:API token), issues (create, get with names,
// update, delete, transitions, changelog, notify), JQL search (POST /rest/api/2/search with
// startAt/maxResults/total), comments (v3, Atlassian Document Format), attachments (multipart with
// X-Atlassian-Token: no-check), users, projects/issue types/priorities/labels, error bodies
// `{errorMessages, errors}` and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, any>;
export interface SeenJiraCall { method: string; path: string; query: Record<string, string>; body: any; headers: Record<string, unknown> }
export interface JiraStandIn { url: string; seen: SeenJiraCall[]; issues: Obj[]; reset(): void; rateLimitOnce(seconds: number): void; close(): Promise<void> }

export const JIRA_EMAIL = 'ada@example.com';
export const JIRA_TOKEN = 'ATATT-good';
const ISSUE_TYPES = [{ id: '10001', name: 'Task', subtask: false }, { id: '10002', name: 'Bug', subtask: false }, { id: '10003', name: 'Sub-task', subtask: true }];
const fail = (...errorMessages: string[]) => ({ errorMessages, errors: {} });

export async function startJiraStandIn(): Promise<JiraStandIn> {
  const seen: SeenJiraCall[] = [];
  const issues: Obj[] = [];
  let armed: number | undefined;
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
        res.end(body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
      };
      const url = new URL(req.url ?? '/', 'http://x');
      const raw = Buffer.concat(chunks);
      const type = String(req.headers['content-type'] ?? '');
      let body: any;
      if (type.startsWith('application/json')) { try { body = JSON.parse(raw.toString('utf8')); } catch { return reply(400, fail('Invalid JSON')); } }
      else if (raw.length) body = raw.toString('latin1');
      seen.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams.entries()), body, headers: req.headers });
      if (armed !== undefined) { const w = armed; armed = undefined; return reply(429, fail('Rate limit exceeded.'), { 'retry-after': String(w) }); }
      if (url.pathname.startsWith('/files/')) return reply(200, Buffer.from('PNGDATA'));
      if (req.headers.authorization !== `Basic ${Buffer.from(`${JIRA_EMAIL}:${JIRA_TOKEN}`).toString('base64')}`) return reply(401, 'Client must be authenticated to access this resource.');
      const p = url.pathname.replace(/^\/rest\/api\/[23]/, '');
      const m = (re: RegExp) => re.exec(p);
      const find = (key: string) => issues.find((i) => i.key === key || i.id === key);
      if (req.method === 'GET' && p === '/myself') return reply(200, { accountId: 'acc-1', displayName: 'Ada' });
      if (req.method === 'GET' && p === '/issuetype') return reply(200, ISSUE_TYPES);
      if (req.method === 'GET' && p === '/project/search') {
        const all = [{ id: '100', key: 'WEB', name: 'Website' }, { id: '101', key: 'APP', name: 'App' }];
        const startAt = Number(url.searchParams.get('startAt') ?? 0);
        return reply(200, { startAt, maxResults: 1, total: all.length, values: all.slice(startAt, startAt + 1) });
      }
      if (req.method === 'GET' && (m(/^\/project\/(\w+)$/))) return reply(200, { id: '100', key: 'WEB', issueTypes: ISSUE_TYPES });
      if (req.method === 'GET' && p === '/priority') return reply(200, [{ id: '3', name: 'Medium' }, { id: '1', name: 'Highest' }]);
      if (req.method === 'GET' && p === '/label') return reply(200, { values: ['ops', 'bug'] });
      if (req.method === 'GET' && p === '/users/search') return reply(200, [{ accountId: 'acc-2', displayName: 'Zed', active: true }, { accountId: 'acc-1', displayName: 'Ada', active: true }, { accountId: 'x', displayName: 'Old', active: false }]);
      if (req.method === 'POST' && p === '/issue') {
        const f = body?.fields ?? {};
        if (!f.summary) return reply(400, { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } });
        const type = ISSUE_TYPES.find((t) => t.id === f.issuetype?.id);
        if (!type) return reply(400, { errorMessages: [], errors: { issuetype: 'valid issue type is required' } });
        if (type.subtask && !f.parent) return reply(400, { errorMessages: [], errors: { parent: 'Given parent work item does not belong to appropriate hierarchy.' } });
        const id = String(10000 + issues.length + 1);
        const issue = { id, key: `WEB-${issues.length + 1}`, self: `${base}/rest/api/2/issue/${id}`, fields: { ...f, status: { name: 'To Do' }, attachment: [] }, changelog: [] as Obj[], comments: [] as Obj[] };
        issues.push(issue);
        return reply(201, { id, key: issue.key, self: issue.self });
      }
      if (req.method === 'POST' && p === '/search') {
        const startAt = Number(body?.startAt ?? 0);
        const maxResults = Math.min(Number(body?.maxResults ?? 50), 100);
        const project = /project\s*=\s*(\w+)/i.exec(String(body?.jql ?? ''))?.[1];
        const list = issues.filter((i) => !project || i.key.startsWith(`${project}-`));
        return reply(200, { startAt, maxResults, total: list.length, issues: list.slice(startAt, startAt + maxResults).map(({ id, key, self, fields }) => ({ id, key, self, fields })) });
      }
      let hit = m(/^\/issue\/([^/]+)$/);
      if (hit) {
        const issue = find(hit[1]);
        if (!issue) return reply(404, fail('Issue does not exist or you do not have permission to see it.'));
        if (req.method === 'GET') {
          const out: Obj = { id: issue.id, key: issue.key, self: issue.self, fields: issue.fields };
          if (String(url.searchParams.get('expand') ?? '').includes('names')) out.names = { summary: 'Summary', status: 'Status', customfield_10020: 'Sprint', issuetype: 'Issue Type', project: 'Project', attachment: 'Attachment' };
          return reply(200, out);
        }
        if (req.method === 'PUT') { Object.assign(issue.fields, body?.fields ?? {}); issue.changelog.push({ id: String(issue.changelog.length + 1), items: Object.keys(body?.fields ?? {}).map((field) => ({ field })) }); return reply(204); }
        if (req.method === 'DELETE') { issues.splice(issues.indexOf(issue), 1); return reply(204); }
      }
      hit = m(/^\/issue\/([^/]+)\/(transitions|changelog|notify|comment|attachments)(?:\/([^/]+))?$/);
      if (hit) {
        const issue = find(hit[1]);
        if (!issue) return reply(404, fail('Issue does not exist or you do not have permission to see it.'));
        const [, , what, sub] = hit;
        if (what === 'transitions' && req.method === 'GET') return reply(200, { transitions: [{ id: '21', name: 'In Progress' }, { id: '31', name: 'Done' }] });
        if (what === 'transitions' && req.method === 'POST') {
          if (!['21', '31'].includes(body?.transition?.id)) return reply(400, fail('Transition id is not valid for this issue.'));
          issue.fields.status = { name: body.transition.id === '31' ? 'Done' : 'In Progress' };
          return reply(204);
        }
        if (what === 'changelog') {
          const startAt = Number(url.searchParams.get('startAt') ?? 0);
          const maxResults = Number(url.searchParams.get('maxResults') ?? 100);
          return reply(200, { startAt, maxResults, total: issue.changelog.length, values: issue.changelog.slice(startAt, startAt + maxResults) });
        }
        if (what === 'notify') return reply(204);
        if (what === 'comment') {
          if (req.method === 'POST') {
            if (url.pathname.startsWith('/rest/api/3') && typeof body?.body !== 'object') return reply(400, { errorMessages: [], errors: { comment: 'Comment body is not valid ADF.' } });
            const comment = { id: String(20000 + issue.comments.length + 1), body: body.body, created: '2024-03-01T10:00:00.000+0000' };
            issue.comments.push(comment);
            return reply(201, comment);
          }
          if (!sub && req.method === 'GET') {
            const startAt = Number(url.searchParams.get('startAt') ?? 0);
            const maxResults = Number(url.searchParams.get('maxResults') ?? 50);
            return reply(200, { startAt, maxResults, total: issue.comments.length, comments: issue.comments.slice(startAt, startAt + maxResults) });
          }
          const comment = issue.comments.find((c: Obj) => c.id === sub);
          if (!comment) return reply(404, fail('Can not find a comment for the id.'));
          if (req.method === 'GET') return reply(200, comment);
          if (req.method === 'PUT') { comment.body = body.body; return reply(200, comment); }
          if (req.method === 'DELETE') { issue.comments.splice(issue.comments.indexOf(comment), 1); return reply(204); }
        }
        if (what === 'attachments' && req.method === 'POST') {
          if (req.headers['x-atlassian-token'] !== 'no-check') return reply(403, 'XSRF check failed');
          const name = /filename="([^"]+)"/.exec(String(body))?.[1];
          if (!type.startsWith('multipart/form-data') || !name) return reply(400, fail('No file attached'));
          const attachment = { id: String(30000 + issue.fields.attachment.length + 1), filename: name, mimeType: 'image/png', size: 7, content: `${base}/files/${name}` };
          issue.fields.attachment.push(attachment);
          return reply(200, [attachment]);
        }
      }
      hit = m(/^\/attachment\/(\d+)$/);
      if (hit) {
        const owner = issues.find((i) => i.fields.attachment.some((a: Obj) => a.id === hit![1]));
        if (!owner) return reply(404, fail('The attachment with id does not exist'));
        const attachment = owner.fields.attachment.find((a: Obj) => a.id === hit![1]);
        if (req.method === 'GET') return reply(200, attachment);
        owner.fields.attachment.splice(owner.fields.attachment.indexOf(attachment), 1);
        return reply(204);
      }
      if (p === '/user') {
        if (req.method === 'POST') return reply(201, { accountId: 'acc-new', emailAddress: body?.emailAddress, displayName: body?.displayName, active: true });
        if (!url.searchParams.get('accountId')) return reply(400, fail('accountId is required'));
        if (req.method === 'GET') return reply(200, { accountId: url.searchParams.get('accountId'), displayName: 'Ada', active: true });
        if (req.method === 'DELETE') return reply(204);
      }
      reply(404, fail('Not found'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base, seen, issues,
    reset: () => { seen.length = 0; issues.length = 0; },
    rateLimitOnce: (s) => { armed = s; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
