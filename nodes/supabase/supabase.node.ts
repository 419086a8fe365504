// Supabase (n8n-nodes-base.supabase v1): rows of a table through the project's REST API
// (PostgREST). Create inserts all items' records in one request; the other operations make one
// request per item. Every row answered becomes an item paired with the item that asked for it.
import { NodeOperationError, type Item, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { supabaseCredentials, type SupabaseCall } from './supabase-api.ts';
import { createRows, deleteRows, getManyRows, getRow, updateRows, type RowContext } from './supabase-rows.ts';
import { supabaseProperties } from './supabase.description.ts';
import { supabaseMethods } from './supabase-methods.ts';

export const supabaseNode: NodeType = {
  methods: supabaseMethods,
  description: {
    name: 'n8n-nodes-base.supabase',
    displayName: 'Supabase',
    icon: 'fa:database',
    group: ['input'],
    version: [1],
    description: 'Add, get, delete and update data in a table',
    defaults: { name: 'Supabase' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'supabaseApi', required: true }],
    properties: supabaseProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const resource = param(ctx, 'resource', 0, 'row');
    const operation = param(ctx, 'operation', 0, 'create');
    if (resource !== 'row') throw new NodeOperationError(ctx.node.name, `The resource "${resource}" is not supported by the Supabase node`);
    const credentials = supabaseCredentials(await ctx.credentials.get('supabaseApi'));
    // n8n reads the schema from the first item only.
    const schema = param(ctx, 'useCustomSchema', 0, false) ? param(ctx, 'schema', 0, 'public') : undefined;
    const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
    const call = (itemIndex?: number): SupabaseCall => ({
      transport, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, nodeName: ctx.node.name,
      ...(itemIndex === undefined ? {} : { itemIndex }), ...(schema ? { schema } : {}),
    });
    const rc: RowContext = { ctx, credentials, call, table: String(param(ctx, 'tableId', 0, '')) };
    const output: Item[] = [];
    let itemIndex = 0;
    try {
      if (operation === 'create') return [await createRows(rc, items)];
      for (; itemIndex < items.length; itemIndex++) {
        if (operation === 'delete') output.push(...(await deleteRows(rc, itemIndex)));
        else if (operation === 'get') output.push(...(await getRow(rc, itemIndex)));
        else if (operation === 'getAll') output.push(...(await getManyRows(rc, itemIndex)));
        else if (operation === 'update') output.push(...(await updateRows(rc, items[itemIndex], itemIndex)));
        else throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported by the Supabase node`, { itemIndex });
      }
    } catch (error) {
      // Connection failures get n8n's wording ("The service refused the connection - …").
      throw serviceCallError(ctx.node.name, error, itemIndex);
    } finally {
      await transport.close();
    }
    return [output];
  },
};
