// Dropbox (n8n-nodes-base.dropbox, v1): files (copy, delete, download, move, upload), folders
// (copy, create, delete, list, move) and search, on Dropbox's API v2. Downloads add the file to the
// input item's binary data; other operations output Dropbox's answer (folder listings renamed as
// n8n names them, search matches simplified on request).
import { basename } from 'node:path';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { mimeTypeOf } from '../telegram/mime-types.ts';
import { dropboxCall, dropboxCredential, dropboxRpc, dropboxRpcAll, type DropboxClient } from './dropbox-api.ts';
import { dropboxCredentials, dropboxProperties } from './dropbox.description.ts';

/** n8n's names for a listed entry's fields, in its order. */
const LIST_NAMES: Array<[string, string]> = [
  ['id', 'id'], ['name', 'name'], ['client_modified', 'lastModifiedClient'], ['server_modified', 'lastModifiedServer'], ['rev', 'rev'],
  ['size', 'contentSize'], ['.tag', 'type'], ['content_hash', 'contentHash'], ['path_lower', 'pathLower'], ['path_display', 'pathDisplay'],
  ['has_explicit_shared_members', 'hasExplicitSharedMembers'], ['is_downloadable', 'isDownloadable'],
];

function renameListed(entry: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [from, to] of LIST_NAMES) if (entry[from] !== undefined) out[to] = entry[from];
  return out;
}

/** n8n's simplify for search matches: the metadata's inner object merged in, match_type as its tag. */
function simplifyMatch(match: JsonObject): JsonObject {
  const out: JsonObject = { ...match };
  const metadata = out.metadata as JsonObject | undefined;
  delete out.metadata;
  const tag = metadata?.['.tag'];
  if (metadata && typeof tag === 'string' && metadata[tag] && typeof metadata[tag] === 'object') Object.assign(out, metadata[tag] as JsonObject);
  const matchType = out.match_type as JsonObject | undefined;
  if (matchType && typeof matchType === 'object' && matchType['.tag']) out.match_type = matchType['.tag'];
  return out;
}

async function run(client: DropboxClient, token: string, resource: string, operation: string, item: Item, i: number): Promise<JsonObject | JsonObject[]> {
  const { ctx } = client;
  const path = () => param<unknown>(ctx, 'path', i, '') as string;
  if (resource === 'file' && operation === 'download') {
    const filePath = path();
    const answer = await dropboxCall(client, { host: 'content', path: '/2/files/download', args: { path: filePath } }, token);
    const property = param(ctx, 'binaryPropertyName', i, 'data');
    const fileName = basename(filePath);
    const binary = prepareBinaryData(answer.body, fileName, mimeTypeOf(fileName));
    return { json: item.json, binary: { ...(item.binary ?? {}), [property]: binary } } as unknown as JsonObject;
  }
  if (resource === 'file' && operation === 'upload') {
    let data: Buffer;
    if (param(ctx, 'binaryData', i, false)) {
      data = binaryBuffer(ctx.node.name, item, param(ctx, 'binaryPropertyName', i, 'data'), i).buffer;
    } else {
      data = Buffer.from(String(param<unknown>(ctx, 'fileContent', i, '')), 'utf8');
    }
    const answer = await dropboxCall(client, { host: 'content', path: '/2/files/upload', args: { mode: 'overwrite', path: path() }, data }, token);
    return JSON.parse(answer.body.toString('utf8')) as JsonObject;
  }
  if (resource === 'folder' && operation === 'create') return dropboxRpc(client, '/2/files/create_folder_v2', { path: path() }, token);
  if (resource === 'folder' && operation === 'list') {
    const returnAll = param(ctx, 'returnAll', 0, false);
    const args: JsonObject = { path: path(), limit: returnAll ? 1000 : param(ctx, 'limit', 0, 100), ...collection(ctx, 'filters', i) };
    const entries = returnAll
      ? await dropboxRpcAll(client, '/2/files/list_folder', '/2/files/list_folder/continue', args, 'entries', token)
      : ((await dropboxRpc(client, '/2/files/list_folder', args, token)).entries as unknown[] ?? []);
    return (entries as JsonObject[]).map(renameListed);
  }
  if (resource === 'search' && operation === 'query') {
    const returnAll = param(ctx, 'returnAll', 0, false);
    const filters = collection(ctx, 'filters', i);
    if (typeof filters.file_extensions === 'string') filters.file_extensions = filters.file_extensions.split(',');
    const options: JsonObject = { filename_only: true, ...filters, file_status: param(ctx, 'fileStatus', i, 'active') };
    if (!returnAll) options.max_results = param(ctx, 'limit', i, 100);
    const args = { query: param<unknown>(ctx, 'query', i, ''), options };
    const matches = returnAll
      ? await dropboxRpcAll(client, '/2/files/search_v2', '/2/files/search/continue_v2', args, 'matches', token)
      : ((await dropboxRpc(client, '/2/files/search_v2', args, token)).matches as unknown[] ?? []);
    return param(ctx, 'simple', 0, true) ? (matches as JsonObject[]).map(simplifyMatch) : (matches as JsonObject[]);
  }
  if ((resource === 'file' || resource === 'folder') && (operation === 'copy' || operation === 'move')) {
    return dropboxRpc(client, `/2/files/${operation}_v2`, { from_path: path(), to_path: param<unknown>(ctx, 'toPath', i, '') }, token);
  }
  if ((resource === 'file' || resource === 'folder') && operation === 'delete') return dropboxRpc(client, '/2/files/delete_v2', { path: path() }, token);
  throw new NodeOperationError(ctx.node.name, `The resource "${resource}" is not known!`, { itemIndex: i });
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const resource = param(ctx, 'resource', 0, 'file');
  const operation = param(ctx, 'operation', 0, resource === 'folder' ? 'create' : resource === 'search' ? 'query' : 'upload');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client: DropboxClient = { ctx, transport };
  const output: Item[] = [];
  const download = resource === 'file' && operation === 'download';
  try {
    const { token, accessType } = await dropboxCredential(ctx);
    if (accessType === 'full') {
      // Full-access apps work from the account's root namespace (team spaces), as n8n does.
      const account = await dropboxRpc(client, '/2/users/get_current_account', undefined, token).catch((error: unknown) => {
        throw serviceCallError(ctx.node.name, error, 0);
      });
      const root = (account.root_info as JsonObject | undefined)?.root_namespace_id;
      if (root !== undefined) client.pathRoot = JSON.stringify({ '.tag': 'root', root });
    }
    for (let i = 0; i < items.length; i++) {
      try {
        const answer = await run(client, token, resource, operation, items[i], i);
        if (download) output.push({ ...(answer as unknown as Item), pairedItem: { item: i } });
        else for (const entry of Array.isArray(answer) ? answer : [answer]) output.push({ json: entry, pairedItem: { item: i } });
      } catch (error) {
        const failure = serviceCallError(ctx.node.name, error, i);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await transport.close();
  }
  return [output];
}

export const dropboxNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.dropbox', displayName: 'Dropbox', icon: 'file:dropbox.svg', group: ['input'], version: [1],
    description: 'Access data on Dropbox', defaults: { name: 'Dropbox' }, inputs: ['main'], outputs: ['main'],
    credentials: dropboxCredentials, properties: dropboxProperties,
  },
  execute,
};
