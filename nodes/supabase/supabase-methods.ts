// The Supabase node's editor methods: tables and a table's columns, both read from the project's
// OpenAPI description at /rest/v1/ (its `paths` and `definitions`), as n8n does.
import { NodeOperationError, type ExecuteContext, type LoadedOption, type NodeMethods } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { callSupabase, supabaseCredentials } from './supabase-api.ts';

interface OpenApiDescription {
  paths?: Record<string, unknown>;
  definitions?: Record<string, { properties?: Record<string, { type?: string; format?: string }> }>;
}

async function apiDescription(ctx: ExecuteContext): Promise<OpenApiDescription> {
  const credentials = supabaseCredentials(await ctx.credentials.get('supabaseApi'));
  const schema = param(ctx, 'useCustomSchema', 0, false) ? param(ctx, 'schema', 0, 'public') : undefined;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    const call = { transport, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, nodeName: ctx.node.name, ...(schema ? { schema } : {}) };
    return ((await callSupabase(call, credentials, { method: 'GET', path: '/' })) ?? {}) as OpenApiDescription;
  } catch (error) {
    throw error instanceof NodeOperationError ? error : serviceCallError(ctx.node.name, error, 0);
  } finally {
    await transport.close();
  }
}

export const supabaseMethods: NodeMethods = {
  loadOptions: {
    /** Every path but the description's own "/" is a table or view. */
    async getTables(ctx): Promise<LoadedOption[]> {
      const { paths = {} } = await apiDescription(ctx);
      return Object.keys(paths).filter((path) => path !== '/').map((path) => path.replace('/', '')).map((table) => ({ name: table, value: table }));
    },
    async getTableColumns(ctx): Promise<LoadedOption[]> {
      const table = String(param(ctx, 'tableId', 0, ''));
      const { definitions = {} } = await apiDescription(ctx);
      const properties = definitions[table]?.properties;
      if (!properties) throw new NodeOperationError(ctx.node.name, `The table "${table}" was not found in the Supabase API`);
      return Object.entries(properties).map(([column, spec]) => ({ name: `${column} - (${spec?.type ?? 'unknown'})`, value: column }));
    },
  },
};
