// REST routes for community node packages, for the instance owner (n8n's community-packages API:
// list, install, update, remove).
import { z } from 'zod';
import { requestContext } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';
import type { NodePackageService } from './node-package-service.ts';

const name = z.string().trim().min(1).max(214).describe('An npm package name: n8n-nodes-<name> or @scope/n8n-nodes-<name>');
const version = z.string().trim().min(1).max(64).optional().describe('A version, range or tag; default: latest');
const owner = { kind: 'owner' as const };

export function nodePackageRoutes(packages: NodePackageService): Route[] {
  return [
    route({
      method: 'get', path: '/api/v1/community-packages', tag: 'nodes', access: owner,
      summary: 'The installed community node packages (and NODES_DIR ones), with their nodes and whether each loaded',
      query: z.object({ checkUpdates: z.enum(['true', 'false']).default('false').describe('Ask the npm registry for newer versions') }),
      responses: { 200: '`[{packageName, installedVersion, source, installedNodes: [{name, type, latestVersion}], failedLoading?, error?, updateAvailable?}]`', 403: 'Not the instance owner' },
      async handler(ctx, { query }) {
        ctx.body = await packages.list(query.checkUpdates === 'true');
      },
    }),
    route({
      method: 'post', path: '/api/v1/community-packages', tag: 'nodes', access: owner,
      summary: 'Installs a community node package from npm (without install scripts); its nodes are usable at once',
      body: z.object({ name, version }).strict(),
      responses: { 201: 'The installed package', 400: 'Not an n8n community package, or npm failed', 403: 'Not the owner, turned off, or not on the allow-list', 409: 'Already installed' },
      async handler(ctx, { body }) {
        ctx.body = await packages.install(body.version ? `${body.name}@${body.version}` : body.name, requestContext(ctx));
        ctx.status = 201;
      },
    }),
    route({
      method: 'patch', path: '/api/v1/community-packages', tag: 'nodes', access: owner,
      summary: 'Updates an installed package to a version (default: latest)',
      body: z.object({ name, version }).strict(),
      responses: { 200: 'The package as now installed', 400: 'That version is not a usable package', 404: 'Not installed' },
      async handler(ctx, { body }) {
        ctx.body = await packages.update(body.name, body.version, requestContext(ctx));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/community-packages', tag: 'nodes', access: owner,
      summary: 'Removes an installed package; workflows using its nodes keep them, marked as not installed',
      query: z.object({ name }),
      responses: { 204: 'Removed', 404: 'Not installed' },
      async handler(ctx, { query }) {
        await packages.remove(query.name, requestContext(ctx));
        ctx.status = 204;
      },
    }),
  ];
}
