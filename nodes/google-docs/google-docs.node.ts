// Google Docs (n8n-nodes-base.googleDocs v1, v2): create a document (a Drive file in the chosen
// drive and folder), get one (simplified to its text), update one through documents.batchUpdate.
// v2 only changes the default credential to OAuth2.
import type { ExecuteContext, Item, JsonObject, NodeType } from '../../engine/index.ts';
import { docsBaseUrl, driveBaseUrl, googleAll, googleJson, withGoogleClient, type GoogleClient } from '../google-drive/google-api.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { GOOGLE_DOCS_SCOPES } from './google-docs.credentials.ts';
import { docsProperties } from './google-docs.description.ts';
import { batchRequests, documentIdOf, documentText } from './docs-requests.ts';

function credentialType(ctx: ExecuteContext): string {
  const fallback = ctx.node.typeVersion < 2 ? 'serviceAccount' : 'oAuth2';
  let authentication = fallback;
  try { authentication = String(ctx.getNodeParameter('authentication', 0, fallback) ?? fallback); } catch { /* the default */ }
  return authentication === 'serviceAccount' ? 'googleApi' : 'googleDocsOAuth2Api';
}

const useClient = <T>(ctx: ExecuteContext, work: (client: GoogleClient) => Promise<T>) => withGoogleClient(ctx, credentialType(ctx), GOOGLE_DOCS_SCOPES, work);
const isSharedDrive = (driveId: string) => Boolean(driveId) && driveId !== 'myDrive' && driveId !== 'sharedWithMe';

async function runOne(client: GoogleClient, operation: string, i: number): Promise<JsonObject> {
  const { ctx } = client;
  if (operation === 'create') {
    const folderId = String(param(ctx, 'folderId', i, ''));
    const driveId = String(param(ctx, 'driveId', i, 'myDrive'));
    const parents = folderId && folderId !== 'default' ? [folderId] : isSharedDrive(driveId) ? [driveId] : undefined;
    return googleJson(client, { method: 'POST', url: `${driveBaseUrl()}/drive/v3/files`, query: isSharedDrive(driveId) ? { supportsAllDrives: true } : {},
      json: { name: param(ctx, 'title', i, ''), mimeType: 'application/vnd.google-apps.document', ...(parents ? { parents } : {}) } });
  }
  const documentId = documentIdOf(String(param(ctx, 'documentURL', i, '')));
  const simple = param(ctx, 'simple', i, true);
  const url = `${docsBaseUrl()}/v1/documents/${encodeURIComponent(documentId)}`;
  if (operation === 'get') {
    const document = await googleJson(client, { method: 'GET', url });
    return simple ? { documentId, content: documentText(document) } : document;
  }
  const actions = (collection(ctx, 'actionsUi', i).actionFields as JsonObject[] | undefined) ?? [];
  const control = (collection(ctx, 'updateFields', i).writeControlObject as JsonObject | undefined) ?? {};
  const body: JsonObject = { requests: batchRequests(actions) };
  if (Object.keys(control).length) body.writeControl = { [String(control.control ?? 'requiredRevisionId')]: control.value };
  const answer = await googleJson(client, { method: 'POST', url: `${url}:batchUpdate`, json: body });
  if (!simple) return { ...answer, documentId };
  const first = ((answer.replies as JsonObject[] | undefined) ?? [])[0] ?? {};
  const key = Object.keys(first)[0];
  return { ...(key ? first[key] as JsonObject : {}), documentId };
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const operation = param(ctx, 'operation', 0, 'create');
  return useClient(ctx, async (client) => {
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        output.push({ json: await runOne(client, operation, i), pairedItem: { item: i } });
      } catch (error) {
        const failure = serviceCallError(ctx.node.name, error, i);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
      }
    }
    return [output];
  });
}

export const googleDocsNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.googleDocs',
    displayName: 'Google Docs',
    icon: 'file:googleDocs.svg',
    group: ['input'],
    version: [1, 2],
    description: 'Consume Google Docs API.',
    defaults: { name: 'Google Docs' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [
      { name: 'googleApi', required: true, displayOptions: { show: { authentication: ['serviceAccount'] } } },
      { name: 'googleDocsOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
    ],
    properties: docsProperties,
  },
  execute,
  methods: {
    loadOptions: {
      async getDrives(ctx) {
        const drives = await useClient(ctx, (client) => googleAll(client, { method: 'GET', url: `${driveBaseUrl()}/drive/v3/drives` }, 'drives'));
        return [{ name: 'My Drive', value: 'myDrive' }, { name: 'Shared with me', value: 'sharedWithMe' },
          ...drives.map((drive) => ({ name: String(drive.name), value: String(drive.id) }))];
      },
      async getFolders(ctx) {
        let driveId = 'myDrive';
        try { driveId = String(ctx.getNodeParameter('driveId', 0, 'myDrive') ?? 'myDrive'); } catch { /* the default */ }
        const q = `mimeType = 'application/vnd.google-apps.folder' ${driveId === 'sharedWithMe' ? 'and sharedWithMe = true' : " and 'root' in parents"}`;
        const folders = await useClient(ctx, (client) => googleAll(client, { method: 'GET', url: `${driveBaseUrl()}/drive/v3/files`,
          query: { q, ...(isSharedDrive(driveId) ? { driveId, corpora: 'drive', includeItemsFromAllDrives: true, supportsAllDrives: true } : {}) } }, 'files'));
        return [{ name: '/', value: 'default' }, ...folders.map((folder) => ({ name: String(folder.name), value: String(folder.id) }))];
      },
    },
  },
};
