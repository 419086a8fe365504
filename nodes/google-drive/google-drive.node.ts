// Google Drive (n8n-nodes-base.googleDrive): V2 (typeVersion 3) with resource locators, and the
// legacy V1 (1, 2), on Drive API v3 with a service account or Google Drive OAuth2.
import type { ExecuteContext, Item, NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { driveCredentialType, driveListSearch } from './drive-methods.ts';
import { runDriveV1 } from './drive-v1.ts';
import { runDriveV3 } from './drive-v3.ts';
import { withGoogleClient } from './google-api.ts';
import { GOOGLE_DRIVE_SCOPES } from './google-drive.credentials.ts';
import { driveCredentials, driveV3Properties } from './google-drive.description.ts';
import { driveV1Properties } from './google-drive-v1.description.ts';

async function execute(ctx: ExecuteContext, legacy: boolean): Promise<Item[][]> {
  const items = ctx.getInputData();
  const credentialType = driveCredentialType(ctx, ctx.node.typeVersion < 2 ? 'serviceAccount' : 'oAuth2');
  return withGoogleClient(ctx, credentialType, GOOGLE_DRIVE_SCOPES, async (client) => {
    const resource = param(ctx, 'resource', 0, 'file');
    const operation = param(ctx, 'operation', 0, resource === 'file' ? 'upload' : resource === 'fileFolder' ? 'search' : 'create');
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        if (legacy) {
          const { items: produced, stop } = await runDriveV1(client, resource, operation, items[i], i);
          output.push(...produced);
          if (stop) break;
        } else {
          output.push(...await runDriveV3(client, resource, operation, items[i], i));
        }
      } catch (error) {
        const failure = serviceCallError(ctx.node.name, error, i);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
      }
    }
    return [output];
  });
}

const base = {
  name: 'n8n-nodes-base.googleDrive',
  displayName: 'Google Drive',
  icon: 'file:googleDrive.svg',
  group: ['input'],
  description: 'Access data on Google Drive',
  defaults: { name: 'Google Drive' },
  inputs: ['main'],
  outputs: ['main'],
  credentials: driveCredentials,
};

export const googleDriveNode: NodeType = {
  description: { ...base, version: [3], properties: driveV3Properties },
  execute: (ctx) => execute(ctx, false),
  methods: { listSearch: driveListSearch },
};

export const googleDriveNodeV1: NodeType = {
  description: { ...base, version: [1, 2], properties: driveV1Properties },
  execute: (ctx) => execute(ctx, true),
  methods: { listSearch: { fileSearch: driveListSearch.fileSearch, folderSearch: driveListSearch.folderSearch, driveSearch: driveListSearch.driveSearch } },
};
