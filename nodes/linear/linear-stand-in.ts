// Test support: a local stand-in for Linear's GraphQL API (POST /graphql), written from Linear's
// public developer docs (developers.linear.app): the API key as the bare Authorization header or
// `Bearer <OAuth token>`, Relay-style connections (`first`/`after`, `nodes`, `pageInfo {hasNextPage
// endCursor}`), mutations answering `{success, …}`, GraphQL errors as `{errors: [{message,
// extensions: {code, userPresentableMessage}}]}` (authentication failures with HTTP 400) and a 429
// with Retry-After when armed. Operations are told apart by their root field, not a full parser.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, any>;
export interface SeenLinearCall { authorization: string; query: string; variables: Obj }
export interface LinearStandIn { url: string; seen: SeenLinearCall[]; issues: Obj[]; rateLimitOnce(seconds: number): void; close(): Promise<void> }

export const LINEAR_KEY = 'lin_api_good';
export const TEAMS = [{ id: 'team-eng', name: 'Engineering' }, { id: 'team-ops', name: 'Ops' }];
export const STATES = [{ id: 's-todo', name: 'Todo', team: 'team-eng' }, { id: 's-done', name: 'Done', team: 'team-eng' }, { id: 's-backlog', name: 'Backlog', team: 'team-eng' }, { id: 's-ops', name: 'Open', team: 'team-ops' }];
const USERS = [{ id: 'u1', name: 'Ada', displayName: 'ada' }];

function connection(list: Obj[], variables: Obj, map: (o: Obj) => Obj = (o) => o) {
  const first = Math.min(Number(variables.first ?? 50), 250);
  const start = variables.after ? list.findIndex((o) => o.id === variables.after) + 1 : 0;
  const slice = list.slice(start, start + first);
  return { nodes: slice.map(map), pageInfo: { hasNextPage: start + first < list.length, endCursor: slice.length ? slice[slice.length - 1].id : null } };
}

const gqlError = (message: string, code: string, userPresentableMessage?: string) => ({ errors: [{ message, extensions: { code, ...(userPresentableMessage ? { userPresentableMessage } : {}) } }] });

export async function startLinearStandIn(): Promise<LinearStandIn> {
  const seen: SeenLinearCall[] = [];
  const issues: Obj[] = [];
  let armed: number | undefined;
  const issueOut = (issue: Obj) => ({ ...issue, team: undefined, teamId: undefined });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== '/graphql') return reply(404, gqlError('Not found', 'NOT_FOUND'));
      let body: Obj;
      try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Obj; } catch { return reply(400, gqlError('Invalid JSON', 'INVALID_INPUT')); }
      const call = { authorization: String(req.headers.authorization ?? ''), query: String(body.query ?? ''), variables: (body.variables ?? {}) as Obj };
      seen.push(call);
      if (armed !== undefined) { const w = armed; armed = undefined; return reply(429, gqlError('Rate limit exceeded', 'RATELIMITED'), { 'retry-after': String(w) }); }
      if (call.authorization !== LINEAR_KEY && call.authorization !== `Bearer ${LINEAR_KEY}`) {
        return reply(400, gqlError('Authentication required, not authenticated', 'AUTHENTICATION_ERROR', 'You need to authenticate to access this operation.'));
      }
      const v = call.variables;
      const has = (field: string) => new RegExp(`\\b${field}\\s*\\(`).test(call.query) || new RegExp(`\\{\\s*${field}\\s*\\{`).test(call.query);
      const findIssue = () => issues.find((i) => i.id === v.issueId || i.identifier === v.issueId);
      const notFound = () => reply(200, gqlError('Entity not found', 'INVALID_INPUT', 'Could not find referenced Issue.'));
      if (has('viewer')) return reply(200, { data: { viewer: { id: 'u1', name: 'Ada' } } });
      if (has('teams')) return reply(200, { data: { teams: connection(TEAMS, v) } });
      if (has('users')) return reply(200, { data: { users: connection(USERS, v) } });
      if (has('workflowStates')) {
        const team = v.filter?.team?.id?.eq;
        return reply(200, { data: { workflowStates: connection(STATES.filter((s) => !team || s.team === team), v, ({ id, name }) => ({ id, name })) } });
      }
      if (has('issueCreate')) {
        if (typeof v.title !== 'string' || !v.title) return reply(200, gqlError('Argument Validation Error', 'INVALID_INPUT', 'title should not be empty'));
        if (!TEAMS.some((t) => t.id === v.teamId)) return reply(200, gqlError('Argument Validation Error', 'INVALID_INPUT', 'teamId must be a UUID.'));
        const state = STATES.find((s) => s.id === v.stateId) ?? STATES[0];
        const issue = {
          id: `iss-${issues.length + 1}`, identifier: `ENG-${issues.length + 1}`, title: v.title, priority: v.priorityId ?? 0, archivedAt: null,
          assignee: v.assigneeId ? { id: v.assigneeId, displayName: 'ada' } : null, state: { id: state.id, name: state.name },
          createdAt: new Date(Date.UTC(2024, 0, 1 + issues.length)).toISOString(), creator: { id: 'u1', displayName: 'ada' },
          description: v.description ?? null, dueDate: null, cycle: null, teamId: v.teamId,
        };
        issues.push(issue);
        return reply(200, { data: { issueCreate: { success: true, issue: issueOut(issue) } } });
      }
      if (has('issueUpdate')) {
        const issue = findIssue();
        if (!issue) return notFound();
        if (v.title !== undefined) issue.title = v.title;
        if (v.description !== undefined) issue.description = v.description;
        if (v.priorityId !== undefined) issue.priority = v.priorityId;
        if (v.stateId !== undefined) { const s = STATES.find((x) => x.id === v.stateId); issue.state = s ? { id: s.id, name: s.name } : issue.state; }
        return reply(200, { data: { issueUpdate: { success: true, issue: issueOut(issue) } } });
      }
      if (has('issueDelete')) {
        const issue = findIssue();
        if (!issue) return notFound();
        issues.splice(issues.indexOf(issue), 1);
        return reply(200, { data: { issueDelete: { success: true } } });
      }
      if (has('attachmentLinkURL')) return findIssue() ? reply(200, { data: { attachmentLinkURL: { success: true } } }) : notFound();
      if (has('commentCreate')) {
        if (!findIssue()) return notFound();
        return reply(200, { data: { commentCreate: { success: true, comment: { id: `c-${seen.length}`, body: v.body } } } });
      }
      if (has('issues')) return reply(200, { data: { issues: connection(issues, v, issueOut) } });
      if (has('issue')) {
        const issue = findIssue();
        if (!issue) return notFound();
        if (/team\s*\{/.test(call.query)) return reply(200, { data: { issue: { team: { id: issue.teamId } } } });
        return reply(200, { data: { issue: issueOut(issue) } });
      }
      reply(400, gqlError('Cannot query field on type "Query".', 'GRAPHQL_VALIDATION_FAILED'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, issues,
    rateLimitOnce: (s) => { armed = s; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
