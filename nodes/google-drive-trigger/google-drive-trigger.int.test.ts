// The Google Drive Trigger against the local Google stand-in (../google-drive/drive-stand-in.ts):
// each poll's files.list query, the lastTimeChecked cursor in static data, and what starts a run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject, TriggerContext } from '../../engine/index.ts';
import { methodContext } from '../node-methods.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { OAUTH_TOKEN, startDriveStandIn, type DriveStandIn } from '../google-drive/drive-stand-in.ts';
import { googleDriveTriggerNode } from './google-drive-trigger.node.ts';

let google: DriveStandIn;
const saved = process.env.WEFT_GOOGLE_DRIVE_API_URL;
const credentials = { googleDriveOAuth2Api: { oauthTokenData: { access_token: OAUTH_TOKEN } } };

beforeAll(async () => {
  google = await startDriveStandIn();
  process.env.WEFT_GOOGLE_DRIVE_API_URL = google.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_GOOGLE_DRIVE_API_URL;
  else process.env.WEFT_GOOGLE_DRIVE_API_URL = saved;
  await google.close();
});
beforeEach(() => google.reset());

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const iso = (offsetSeconds: number) => new Date(Date.now() + offsetSeconds * 1000).toISOString();

function triggerContext(parameters: Record<string, unknown>, state: JsonObject): TriggerContext {
  const base = methodContext({ nodeType: googleDriveTriggerNode, kind: 'listSearch', method: 'fileSearch', currentNodeParameters: parameters,
    credentials: { googleDriveOAuth2Api: { id: '1', name: 'x' } } },
  { getCredentials: async () => credentials.googleDriveOAuth2Api, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...base, mode: 'trigger', activation: 'activate', getWorkflowStaticData: () => state, emit: () => {}, emitError: () => {}, webhookUrl: () => '' };
}

describe('Google Drive Trigger', () => {
  it('notes the time on the first poll, then delivers files created in the folder since the last check', async () => {
    const state: JsonObject = {};
    const params = { triggerOn: 'specificFolder', folderToWatch: rl('FOLDER1'), event: 'fileCreated' };
    google.addFile({ id: 'OLD', name: 'old.txt', parents: ['FOLDER1'], createdTime: iso(-3600), modifiedTime: iso(-3600) });
    expect(await googleDriveTriggerNode.triggers!.poll!(triggerContext(params, state))).toBeNull();
    expect(state.lastTimeChecked).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const since = String(state.lastTimeChecked);
    expect(google.seen[0].query).toEqual({ q: `trashed = false AND 'FOLDER1' in parents AND mimeType != 'application/vnd.google-apps.folder' AND createdTime > '${since}'`,
      fields: 'nextPageToken, files(*)' });
    google.addFile({ id: 'NEW', name: 'new.txt', parents: ['FOLDER1'], createdTime: iso(5), modifiedTime: iso(5) });
    google.addFile({ id: 'ELSEWHERE', name: 'x.txt', parents: ['root'], createdTime: iso(5), modifiedTime: iso(5) });
    const output = await googleDriveTriggerNode.triggers!.poll!(triggerContext(params, state));
    expect(output![0].map((item) => item.json.id)).toEqual(['NEW']);
    expect(output![0][0].json).toMatchObject({ kind: 'drive#file', name: 'new.txt', parents: ['FOLDER1'] });
  });

  it('watches one file for updates, ignoring other files changed meanwhile', async () => {
    const state: JsonObject = { lastTimeChecked: iso(-60).replace(/\.\d{3}Z$/, 'Z') };
    google.addFile({ id: 'F1', name: 'a.txt', modifiedTime: iso(-1) });
    google.addFile({ id: 'F2', name: 'b.txt', modifiedTime: iso(-1) });
    const output = await googleDriveTriggerNode.triggers!.poll!(triggerContext({ triggerOn: 'specificFile', fileToWatch: rl('F2') }, state));
    expect(output![0].map((item) => item.json.id)).toEqual(['F2']);
    expect(google.seen[0].query.q).toContain('modifiedTime >');
  });

  it('shows one matching file on a manual run, and says so when there is none', async () => {
    const trigger = { name: 'Drive Trigger', type: 'n8n-nodes-base.googleDriveTrigger', typeVersion: 1, credentials: { googleDriveOAuth2Api: { id: '1', name: 'Drive' } },
      parameters: { triggerOn: 'specificFolder', folderToWatch: rl('FOLDER1'), event: 'folderCreated' } };
    const empty = await runChain([trigger], { credentials });
    expect(empty.data.resultData.error).toMatchObject({ message: 'No data with the current filter could be found' });
    google.addFile({ id: 'SUB', name: 'Sub', mimeType: 'application/vnd.google-apps.folder', parents: ['FOLDER1'] });
    const found = await runChain([trigger], { credentials });
    expect(outputOf(found, 'Drive Trigger').map((item) => item.json.id)).toEqual(['SUB']);
    expect(google.seen.at(-1)!.query).toMatchObject({ pageSize: '1' });
  });
});
