// REST routes for credentials: secrets are never returned, only the redacted placeholder.
import { z } from 'zod';
import { credentialTypeExtends, getCredentialType, listCredentialTypes, NotFoundError } from '../../domain/index.ts';
import { principalOf, requestContext, workspaceOf } from '../http/guard.ts';
import { q, route, type Route } from '../http/route.ts';
import type { CredentialService } from './credential-service.ts';
import { asOAuthPage, oauthRefused as refused } from './oauth-callback-page.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const resource = (level: 'read' | 'write' | 'admin') => ({ kind: 'resource' as const, resource: 'credential' as const, param: 'id', level });
const data = z.record(z.string(), z.unknown());

export function credentialRoutes(service: CredentialService, requireWorkspace: (id: string) => Promise<void>): Route[] {
  return [
    route({
      method: 'get', path: '/api/v1/credential-types', tag: 'credentials', summary: 'Every credential type (built-in and from loaded community packages) with its fields (which are secret)',
      access: { kind: 'signedIn' }, responses: { 200: '`{data, oauthRedirectUrls}`; `oauth` marks the types that connect through a browser' },
      async handler(ctx) {
        // `oauth` tells the editor which types connect an account in a browser (an oAuth2Api type
        // does so only with the authorization code or PKCE grant), and where providers send it back.
        const oauth = (name: string) => (credentialTypeExtends(name, 'oAuth1Api') ? 'oAuth1' : credentialTypeExtends(name, 'oAuth2Api') ? 'oAuth2' : undefined);
        ctx.body = { data: listCredentialTypes().map((t) => (oauth(t.name) ? { ...t, oauth: oauth(t.name) } : t)), oauthRedirectUrls: service.oauthRedirectUrls };
      },
    }),
    route({
      method: 'get', path: '/api/v1/credentials/schema/:type', tag: 'credentials', summary: 'One credential type (n8n API path)',
      access: { kind: 'signedIn' }, params: z.object({ type: z.string().max(64) }),
      responses: { 200: 'The type', 404: 'Unknown type' },
      async handler(ctx, { params }) {
        const type = getCredentialType(params.type);
        if (!type) throw new NotFoundError('Credential type', params.type);
        ctx.body = type;
      },
    }),
    route({
      method: 'get', path: '/api/v1/credentials', tag: 'credentials', summary: "The current workspace's credentials (or those shared with it)",
      access: { kind: 'workspace', level: 'read' },
      query: z.object({ shared: q.bool().optional(), limit: q.limit(), cursor: q.cursor().optional() }),
      responses: { 200: '`{data, nextCursor}`' },
      async handler(ctx, { query }) {
        const page = await service.list(workspaceOf(ctx), query.shared ?? false, query.limit, query.cursor);
        ctx.body = { data: page.items, nextCursor: page.nextCursor ?? null };
      },
    }),
    route({
      method: 'post', path: '/api/v1/credentials', tag: 'credentials', summary: 'Create a credential (stored encrypted; answered redacted)',
      access: { kind: 'workspace', level: 'write' },
      body: z.object({ name: z.string().max(128), type: z.string().max(64), data }).strict(),
      responses: { 201: 'The credential, redacted', 400: 'Invalid type or data' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await service.create(workspaceOf(ctx), body, requestContext(ctx));
      },
    }),
    route({
      method: 'post', path: '/api/v1/credentials/test', tag: 'credentials', summary: 'Test unsaved credential data',
      access: { kind: 'workspace', level: 'write' },
      body: z.object({ type: z.string().max(64), data }).strict(),
      responses: { 200: '`{status, message}`', 400: 'Invalid type or data' },
      async handler(ctx, { body }) {
        ctx.body = await service.test(body);
      },
    }),
    route({
      method: 'get', path: '/api/v1/credentials/:id', tag: 'credentials', summary: 'A credential, with secrets redacted',
      access: resource('read'), params: z.object({ id }),
      responses: { 200: 'The credential, redacted', 404: 'Unknown credential' },
      async handler(ctx, { params }) {
        ctx.body = await service.get(params.id);
      },
    }),
    route({
      method: 'patch', path: '/api/v1/credentials/:id', tag: 'credentials',
      summary: 'Change name and data; a secret sent as the redacted placeholder keeps its stored value',
      access: resource('write'), params: z.object({ id }),
      body: z.object({ name: z.string().max(128).optional(), data: data.optional() }).strict(),
      responses: { 200: 'The credential, redacted', 400: 'Invalid data', 404: 'Unknown credential' },
      async handler(ctx, { params, body }) {
        ctx.body = await service.update(params.id, body, requestContext(ctx));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/credentials/:id', tag: 'credentials', summary: 'Delete a credential: its key is destroyed (crypto-shredding)',
      access: resource('write'), params: z.object({ id }),
      responses: { 204: 'Deleted', 404: 'Unknown credential' },
      async handler(ctx, { params }) {
        await service.delete(params.id, requestContext(ctx));
        ctx.status = 204;
      },
    }),
    route({
      method: 'post', path: '/api/v1/credentials/:id/test', tag: 'credentials', summary: 'Test a stored credential (optionally with edited data)',
      access: resource('write'), params: z.object({ id }), body: z.object({ data: data.optional() }).strict(),
      responses: { 200: '`{status, message}`', 404: 'Unknown credential' },
      async handler(ctx, { params, body }) {
        ctx.body = await service.test({ id: params.id, data: body.data });
      },
    }),
    route({
      method: 'post', path: '/api/v1/credentials/:id/share', tag: 'credentials', summary: 'Let another workspace use this credential (never read its secrets)',
      access: resource('admin'), params: z.object({ id }), body: z.object({ workspaceId: id }).strict(),
      responses: { 200: 'The credential, redacted', 404: 'Unknown credential or workspace' },
      async handler(ctx, { params, body }) {
        await requireWorkspace(body.workspaceId);
        ctx.body = await service.share(params.id, body.workspaceId, requestContext(ctx));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/credentials/:id/share/:workspaceId', tag: 'credentials', summary: 'Stop sharing a credential with a workspace',
      access: resource('admin'), params: z.object({ id, workspaceId: z.string().max(64) }),
      responses: { 200: 'The credential, redacted', 404: 'Unknown credential' },
      async handler(ctx, { params }) {
        ctx.body = await service.unshare(params.id, params.workspaceId, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: '/api/v1/credentials/:id/oauth2/authorize', tag: 'credentials',
      summary: 'Connect an account in the browser (OAuth2 authorization code or PKCE, or OAuth1): the provider URL to open',
      access: resource('write'), params: z.object({ id }),
      responses: { 200: '`{url}`', 400: 'Not a credential that connects through a browser', 503: 'The OAuth1 provider could not be reached' },
      async handler(ctx, { params }) {
        ctx.body = { url: await service.oauthAuthorizeUrl(params.id, principalOf(ctx).userId) };
      },
    }),
    route({
      method: 'get', path: '/api/v1/oauth2/callback', tag: 'credentials', summary: 'Where the OAuth2 provider sends the browser back',
      access: { kind: 'public' },
      query: z.object({ code: z.string().max(4096).optional(), state: z.string().max(256).optional(), error: z.string().max(256).optional(), error_description: z.string().max(1024).optional() }),
      responses: { 200: 'Connected', 400: 'Unknown state, or the provider refused (the user denied access: error=access_denied)' },
      async handler(ctx, { query }) {
        if (query.error || !query.code || !query.state) {
          // The user said no (access_denied) or the provider failed: the attempt ends, nothing is stored.
          if (query.state) await service.oauthAbandon(query.state);
          const said = query.error_description ?? (query.error === 'access_denied' ? 'access was denied' : query.error) ?? (query.code ? 'no state came back' : 'no code came back');
          refused(ctx, 'oauth2_refused', `The provider refused: ${said.replace(/\.+$/, '')}. The credential is not connected.`, query.error ? 'error' : query.code ? 'state' : 'code');
          return;
        }
        await asOAuthPage(ctx, () => service.oauthCallback(query.code!, query.state!, requestContext(ctx)));
      },
    }),
    route({
      method: 'get', path: '/api/v1/oauth1/callback', tag: 'credentials', summary: 'Where the OAuth1 provider sends the browser back',
      access: { kind: 'public' },
      // A user who denies comes back without a verifier; X (Twitter) sends `denied=<request token>`.
      query: z.object({ oauth_token: z.string().min(1).max(1024).optional(), oauth_verifier: z.string().min(1).max(1024).optional(), denied: z.string().max(1024).optional() }),
      responses: { 200: 'Connected', 400: 'Unknown or expired request token, or the provider refused (the user denied access: no oauth_verifier)' },
      async handler(ctx, { query }) {
        if (!query.oauth_token || !query.oauth_verifier) {
          const requestToken = query.denied || query.oauth_token;
          if (requestToken) await service.oauthAbandon(requestToken);
          const said = query.denied !== undefined ? 'access was denied' : query.oauth_token ? 'no oauth_verifier came back' : 'no oauth_token came back';
          refused(ctx, 'oauth1_refused', `The provider refused: ${said}. The credential is not connected.`, query.denied !== undefined ? 'denied' : 'oauth_verifier');
          return;
        }
        await asOAuthPage(ctx, () => service.oauth1Callback(query.oauth_token!, query.oauth_verifier!, requestContext(ctx)));
      },
    }),
  ];
}
