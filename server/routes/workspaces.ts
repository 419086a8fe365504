// Routes for users (owner), workspaces, members, invitations and variables.
import { z } from 'zod';
import { NotFoundError, WORKSPACE_ROLES } from '../../domain/index.ts';
import type { IdentityService } from '../auth/identity-service.ts';
import type { AccessControl } from '../auth/access-control.ts';
import type { WorkspaceService } from '../auth/workspace-service.ts';
import { PASSWORD_MAX } from '../auth/secrets.ts';
import { authState, principalOf, requestContext, workspaceOf } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const role = z.enum(WORKSPACE_ROLES);

export function workspaceRoutes(deps: { identity: IdentityService; workspaces: WorkspaceService; access: AccessControl; publicUrl: string }): Route[] {
  const { identity, workspaces, access } = deps;
  return [
    route({
      method: 'get', path: '/api/v1/users', tag: 'users', summary: 'Every user of the instance', access: { kind: 'owner' },
      responses: { 200: '`{data}`', 403: 'Not the owner' },
      async handler(ctx) {
        ctx.body = { data: await identity.listUsers() };
      },
    }),
    route({
      method: 'post', path: '/api/v1/users/:id/disable', tag: 'users', summary: 'Disable a user: their sessions end and their API keys stop working',
      access: { kind: 'owner' }, params: z.object({ id }),
      responses: { 200: 'The user', 404: 'Unknown user', 409: 'The owner' },
      async handler(ctx, { params }) {
        ctx.body = await identity.setDisabled(params.id, true, requestContext(ctx));
      },
    }),
    route({
      method: 'post', path: '/api/v1/users/:id/enable', tag: 'users', summary: 'Enable a disabled user', access: { kind: 'owner' }, params: z.object({ id }),
      responses: { 200: 'The user', 404: 'Unknown user' },
      async handler(ctx, { params }) {
        ctx.body = await identity.setDisabled(params.id, false, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: '/api/v1/workspaces', tag: 'workspaces', summary: 'The workspaces I belong to, with my role', access: { kind: 'signedIn' },
      responses: { 200: '`{data}`' },
      async handler(ctx) {
        const mine = await access.workspacesOf(principalOf(ctx));
        ctx.body = { data: await Promise.all(mine.map(async (m) => ({ ...(await workspaces.get(m.workspaceId)), role: m.role }))) };
      },
    }),
    route({
      method: 'post', path: '/api/v1/workspaces', tag: 'workspaces', summary: 'Create a workspace; I become its admin', access: { kind: 'signedIn' },
      body: z.object({ name: z.string().max(128) }).strict(),
      responses: { 201: 'The workspace', 400: 'Invalid name', 403: 'API keys act in one workspace only' },
      async handler(ctx, { body }) {
        const p = principalOf(ctx);
        if (p.apiKey) throw new NotFoundError('Workspace', '(API keys cannot create workspaces)');
        ctx.status = 201;
        ctx.body = await workspaces.create(body.name, p, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: '/api/v1/workspaces/:id/members', tag: 'workspaces', summary: 'Members of a workspace and their roles',
      access: { kind: 'resource', resource: 'workspace', param: 'id', level: 'read' }, params: z.object({ id }),
      responses: { 200: '`{data}`', 404: 'Unknown workspace' },
      async handler(ctx, { params }) {
        ctx.body = { data: await workspaces.members(params.id) };
      },
    }),
    route({
      method: 'put', path: '/api/v1/workspaces/:id/members/:userId', tag: 'workspaces', summary: 'Add a user to a workspace or change their role',
      access: { kind: 'resource', resource: 'workspace', param: 'id', level: 'admin' },
      params: z.object({ id, userId: id }), body: z.object({ role }).strict(),
      responses: { 204: 'Done', 403: 'Not an admin, or the member is the instance owner', 404: 'Unknown workspace or user', 409: 'Last admin' },
      async handler(ctx, { params, body }) {
        const members = await workspaces.members(params.id);
        if (members.some((m) => m.userId === params.userId)) await workspaces.changeRole(params.id, params.userId, body.role, requestContext(ctx));
        else await workspaces.addMember(params.id, params.userId, body.role, requestContext(ctx));
        ctx.status = 204;
      },
    }),
    route({
      method: 'delete', path: '/api/v1/workspaces/:id/members/:userId', tag: 'workspaces', summary: 'Remove a member',
      access: { kind: 'resource', resource: 'workspace', param: 'id', level: 'admin' }, params: z.object({ id, userId: id }),
      responses: { 204: 'Removed', 403: 'Not an admin, or the member is the instance owner', 404: 'Unknown member', 409: 'Last admin' },
      async handler(ctx, { params }) {
        await workspaces.removeMember(params.id, params.userId, requestContext(ctx));
        ctx.status = 204;
      },
    }),
    route({
      method: 'get', path: '/api/v1/invitations', tag: 'workspaces', summary: "Invitations of the current workspace", access: { kind: 'workspace', level: 'admin' },
      responses: { 200: '`{data}`' },
      async handler(ctx) {
        ctx.body = { data: await workspaces.invitations(workspaceOf(ctx)) };
      },
    }),
    route({
      method: 'post', path: '/api/v1/invitations', tag: 'workspaces', summary: 'Invite someone to the current workspace; the link is shown once',
      access: { kind: 'workspace', level: 'admin' },
      body: z.object({ email: z.string().max(254), role: role.default('editor') }).strict(),
      responses: { 201: '`{invitation, token, acceptUrl}`', 400: 'Invalid input' },
      async handler(ctx, { body }) {
        const { invitation, token } = await workspaces.invite(workspaceOf(ctx), body.email, body.role, requestContext(ctx));
        ctx.status = 201;
        ctx.body = { invitation, token, acceptUrl: `${deps.publicUrl}/signup?invitation=${encodeURIComponent(token)}` };
      },
    }),
    route({
      method: 'delete', path: '/api/v1/invitations/:invitationId', tag: 'workspaces', summary: 'Revoke an invitation', access: { kind: 'workspace', level: 'admin' },
      params: z.object({ invitationId: id }),
      responses: { 204: 'Revoked', 404: 'Unknown invitation' },
      async handler(ctx, { params }) {
        await workspaces.revokeInvitation(workspaceOf(ctx), params.invitationId, requestContext(ctx));
        ctx.status = 204;
      },
    }),
    route({
      method: 'post', path: '/api/v1/invitations/accept', tag: 'workspaces',
      summary: 'Accept an invitation: new users give a name and password; existing users sign in first', access: { kind: 'public' },
      body: z.object({ token: z.string().max(256), name: z.string().max(128).optional(), password: z.string().max(PASSWORD_MAX).optional() }).strict(),
      responses: { 200: '`{userId, workspaceId}`', 400: 'Invalid or used token', 409: 'Sign in as the invited account' },
      async handler(ctx, { body }) {
        ctx.body = await workspaces.accept(body.token, body, authState(ctx).principal, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: '/api/v1/variables', tag: 'variables', summary: 'Variables of the current workspace ($vars)', access: { kind: 'workspace', level: 'read' },
      responses: { 200: '`{data}`' },
      async handler(ctx) {
        ctx.body = { data: await workspaces.variables(workspaceOf(ctx)) };
      },
    }),
    route({
      method: 'post', path: '/api/v1/variables', tag: 'variables', summary: 'Create a variable', access: { kind: 'workspace', level: 'write' },
      body: z.object({ key: z.string().max(50), value: z.string().max(1000) }).strict(),
      responses: { 201: 'The variable', 400: 'Invalid key or value', 409: 'Key taken' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await workspaces.setVariable(workspaceOf(ctx), undefined, body.key, body.value, requestContext(ctx));
      },
    }),
    route({
      method: 'put', path: '/api/v1/variables/:id', tag: 'variables', summary: 'Change a variable',
      access: { kind: 'resource', resource: 'variable', param: 'id', level: 'write' },
      params: z.object({ id }), body: z.object({ key: z.string().max(50), value: z.string().max(1000) }).strict(),
      responses: { 200: 'The variable', 400: 'Invalid', 404: 'Unknown variable', 409: 'Key taken' },
      async handler(ctx, { params, body }) {
        ctx.body = await workspaces.setVariable(workspaceOf(ctx), params.id, body.key, body.value, requestContext(ctx));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/variables/:id', tag: 'variables', summary: 'Delete a variable',
      access: { kind: 'resource', resource: 'variable', param: 'id', level: 'write' }, params: z.object({ id }),
      responses: { 204: 'Deleted', 404: 'Unknown variable' },
      async handler(ctx, { params }) {
        await workspaces.deleteVariable(workspaceOf(ctx), params.id, requestContext(ctx));
        ctx.status = 204;
      },
    }),
  ];
}
