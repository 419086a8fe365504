// The vault: secrets kept outside the event log (password hashes, token hashes, wrapped credential
// keys), in their own store so that deleting one really deletes it.
import path from 'node:path';
import { createMongoReadModelStore, createSqliteReadModelStore, type ReadModelStore } from '../../projections/index.ts';
import type { Config } from '../config.ts';

export const VAULT = {
  passwords: 'passwords',
  sessions: 'sessions',
  apiKeys: 'api_key_hashes',
  invitations: 'invitation_tokens',
  credentialKeys: 'credential_keys',
  oauthStates: 'oauth_states',
} as const;

export interface PasswordRecord { id: string; [k: string]: unknown; hash: string }
export interface SessionRecord { id: string; [k: string]: unknown; userId: string; expiresAt: string }
export interface ApiKeyRecord { id: string; [k: string]: unknown; keyId: string; userId: string; workspaceId: string; revoked: boolean }
export interface InvitationTokenRecord { id: string; [k: string]: unknown; invitationId: string; workspaceId: string; email: string }
export interface CredentialKeyRecord { id: string; [k: string]: unknown; wrapped: string }

export async function openVault(config: Config): Promise<ReadModelStore> {
  const store = config.mongoUrl
    ? createMongoReadModelStore({ url: config.mongoUrl, dbName: `${config.mongoDb}_vault` })
    : createSqliteReadModelStore({ file: path.join(config.dataDir, 'vault.sqlite'), secureDelete: true });
  for (const name of Object.values(VAULT)) await store.ensureCollection({ name, indexes: name === VAULT.sessions ? [{ fields: ['userId'] }] : [] });
  return store;
}
