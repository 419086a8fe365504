// Read model of credentials: name, type, workspace and sharing. Never the sealed data.
import { CREDENTIAL_CATEGORY, streamCategory, withSharing, streamId, type CredentialEvent, type RecordedEvent } from '../domain/index.ts';
import type { Projection } from './projection.ts';

export const CREDENTIALS = 'list';

export interface CredentialDoc {
  [k: string]: unknown;
  id: string;
  workspaceId: string;
  name: string;
  type: string;
  sharedWith: string[];
  createdAt: string;
  updatedAt: string;
  lastUsedAt?: string;
}

export const credentialsProjection: Projection = {
  name: 'credentials',
  version: 1,
  collections: [{ name: CREDENTIALS, indexes: [{ fields: ['workspaceId', 'name'] }] }],
  accepts: (event) => streamCategory(event.stream) === CREDENTIAL_CATEGORY,
  async apply(event, tx) {
    const docs = tx.collection<CredentialDoc>(CREDENTIALS);
    const id = streamId(event.stream);
    const e = event as RecordedEvent & CredentialEvent;
    const at = event.metadata.at;
    switch (e.type) {
      case 'CredentialCreated':
        await docs.upsert({ id, workspaceId: e.data.workspaceId, name: e.data.name, type: e.data.credentialType, sharedWith: [], createdAt: at, updatedAt: at });
        return;
      case 'CredentialUpdated':
        await docs.patch(id, { ...(e.data.name ? { name: e.data.name } : {}), updatedAt: at });
        return;
      case 'CredentialDeleted':
        await docs.delete(id);
        return;
      case 'CredentialShared':
      case 'CredentialUnshared': {
        const doc = await docs.get(id);
        if (!doc) return;
        await docs.patch(id, { sharedWith: withSharing(doc.sharedWith, e.data.workspaceId, e.type === 'CredentialShared') });
        return;
      }
      case 'CredentialUsed':
        await docs.patch(id, { lastUsedAt: at });
        return;
      default:
    }
  },
};
