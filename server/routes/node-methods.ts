// The editor's node methods: a node's `methods.loadOptions` (dropdown choices) and
// `methods.listSearch` (resource locator lists), run on the server with the node's credentials.
// Credentials are resolved through the vault like a run's: only the current workspace's own or
// shared ones, of the type asked for, and each use is recorded.
import { z } from 'zod';
import { NotFoundError, UnavailableError, ValidationError } from '../../domain/index.ts';
import type { CredentialGetOptions, DataTables } from '../../engine/index.ts';
import type { RequestContext } from '../commands.ts';
import { loadNodeType, NodeMethodError, registeredN8nCredentialType, runNodeMethod } from '../../nodes/index.ts';
import type { CredentialService } from '../credentials/credential-service.ts';
import { scrubSecrets } from '../credentials/scrub.ts';
import { requestContext, workspaceOf } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';

const credentialRef = z.object({ id: z.string().max(64), name: z.string().max(128) }).strict();

const body = z.object({
  nodeType: z.string().min(1).max(256),
  typeVersion: z.number().positive(),
  method: z.string().min(1).max(128),
  kind: z.enum(['loadOptions', 'listSearch']),
  currentNodeParameters: z.record(z.string(), z.unknown()).default({}),
  credentials: z.record(z.string().max(128), credentialRef).optional(),
  filter: z.string().max(1024).optional(),
  paginationToken: z.union([z.string().max(4096), z.number()]).optional(),
}).strict();

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return value.length >= 4 ? [value] : [];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

export function nodeMethodRoutes(
  credentials: CredentialService,
  options: { blockPrivateNetworks: boolean; timezone: string; dataTables?: (workspaceId: string, ctx: RequestContext) => DataTables },
): Route[] {
  return [
    route({
      method: 'post', path: '/api/v1/node-types/methods', tag: 'editor',
      summary: "Run a node's loadOptions or listSearch method for the editor (n8n's answer shapes)",
      access: { kind: 'workspace', level: 'write' }, body,
      responses: { 200: '`{options}` (loadOptions) or `{results, paginationToken}` (listSearch)', 400: 'Unknown node type, method or credential type', 404: 'Unknown credential', 503: 'The method failed (e.g. the service it called)' },
      async handler(ctx, { body: input }) {
        const nodeType = await loadNodeType(input.nodeType, input.typeVersion);
        if (!nodeType) throw new ValidationError(`Unknown node type '${input.nodeType}' (version ${input.typeVersion})`, [{ path: 'nodeType', message: 'unknown' }]);
        const workspaceId = workspaceOf(ctx);
        const secrets: string[] = [];
        // The options reach here once the node SDK's credential getter passes them on (a 401 retry).
        const getCredentials = async (type: string, options?: CredentialGetOptions): Promise<Record<string, unknown>> => {
          const ref = input.credentials?.[type];
          if (!ref) throw new ValidationError(`No ${type} credential was sent`, [{ path: `credentials.${type}`, message: 'missing' }]);
          // A reference to a credential of another type would hand its secrets to the wrong signer.
          const doc = await credentials.find(ref.id);
          if (!doc || doc.type !== type) throw new NotFoundError('Credential', ref.id);
          const data = await credentials.useInRun(ref.id, workspaceId, { purpose: `${input.kind} ${input.nodeType}.${input.method}` }, requestContext(ctx), {
            forceRefresh: options?.refreshOAuth2Token === true,
          });
          secrets.push(...stringsIn(data));
          return data;
        };
        try {
          ctx.body = await runNodeMethod({
            nodeType, typeVersion: input.typeVersion, kind: input.kind, method: input.method, currentNodeParameters: input.currentNodeParameters,
            ...(input.credentials ? { credentials: input.credentials } : {}),
            ...(input.filter !== undefined ? { filter: input.filter } : {}),
            ...(input.paginationToken !== undefined ? { paginationToken: String(input.paginationToken) } : {}),
          }, {
            getCredentials, credentialType: registeredN8nCredentialType,
            blockPrivateNetworks: options.blockPrivateNetworks, timezone: options.timezone,
            ...(options.dataTables ? { dataTables: options.dataTables(workspaceId, requestContext(ctx)) } : {}),
          });
        } catch (error) {
          if (error instanceof NodeMethodError) throw new ValidationError(error.message, [{ path: 'method', message: 'unknown or invalid' }]);
          if (error instanceof ValidationError || error instanceof NotFoundError) throw error;
          // The node's own failure (often the service it called): its message, without secrets.
          const message = scrubSecrets(error instanceof Error ? error.message : String(error), secrets).slice(0, 500);
          throw new UnavailableError(`${input.kind} '${input.method}' of ${input.nodeType} failed: ${message}`);
        }
      },
    }),
  ];
}
