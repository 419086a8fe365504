// Read models of users, workspaces, memberships, invitations, variables and API keys (never secrets).
import {
  streamCategory, streamId, USER_CATEGORY, WORKSPACE_CATEGORY,
  type InstanceRole, type RecordedEvent, type UserEvent, type WorkspaceEvent, type WorkspaceRole,
} from '../domain/index.ts';
import type { Projection } from './projection.ts';
import type { ReadModelTx } from './read-model-store.ts';

export const USERS = 'users';
export const WORKSPACES = 'workspaces';
export const MEMBERS = 'members';
export const INVITATIONS = 'invitations';
export const VARIABLES = 'variables';
export const API_KEYS = 'api_keys';

export interface UserDoc {
  [k: string]: unknown;
  id: string;
  email: string;
  name: string;
  instanceRole: InstanceRole;
  disabled: boolean;
  createdAt: string;
  lastSignInAt?: string;
}

export interface WorkspaceDoc {
  [k: string]: unknown;
  id: string;
  name: string;
  createdAt: string;
}

export interface MemberDoc {
  [k: string]: unknown;
  /** `<workspaceId>:<userId>` */
  id: string;
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
}

export interface InvitationDoc {
  [k: string]: unknown;
  id: string;
  workspaceId: string;
  email: string;
  role: WorkspaceRole;
  expiresAt: string;
  status: 'open' | 'accepted' | 'revoked';
  invitedBy: string;
  createdAt: string;
}

export interface VariableDoc {
  [k: string]: unknown;
  id: string;
  workspaceId: string;
  key: string;
  value: string;
  updatedAt: string;
}

export interface ApiKeyDoc {
  [k: string]: unknown;
  id: string;
  userId: string;
  workspaceId: string;
  label: string;
  /** The first characters of the key, so its owner can tell keys apart. */
  prefix: string;
  createdAt: string;
  revokedAt?: string;
}

export const identityProjection: Projection = {
  name: 'identity',
  version: 1,
  collections: [
    { name: USERS, indexes: [{ fields: ['email'], unique: true }] },
    { name: WORKSPACES },
    { name: MEMBERS, indexes: [{ fields: ['userId'] }, { fields: ['workspaceId'] }] },
    { name: INVITATIONS, indexes: [{ fields: ['workspaceId'] }] },
    { name: VARIABLES, indexes: [{ fields: ['workspaceId', 'key'], unique: true }] },
    { name: API_KEYS, indexes: [{ fields: ['userId'] }] },
  ],
  accepts: (event) => [USER_CATEGORY, WORKSPACE_CATEGORY].includes(streamCategory(event.stream)),
  async apply(event, tx) {
    if (streamCategory(event.stream) === USER_CATEGORY) await applyUserEvent(event as RecordedEvent & UserEvent, tx);
    else await applyWorkspaceEvent(event as RecordedEvent & WorkspaceEvent, tx);
  },
};

async function applyUserEvent(event: RecordedEvent & UserEvent, tx: ReadModelTx): Promise<void> {
  const id = streamId(event.stream);
  const users = tx.collection<UserDoc>(USERS);
  const at = event.metadata.at;
  switch (event.type) {
    case 'UserRegistered':
      await users.upsert({ id, email: event.data.email, name: event.data.name, instanceRole: event.data.instanceRole, disabled: false, createdAt: at });
      return;
    case 'UserDisabled':
    case 'UserEnabled':
      await users.patch(id, { disabled: event.type === 'UserDisabled' });
      return;
    case 'UserSignedIn':
      await users.patch(id, { lastSignInAt: at });
      return;
    case 'ApiKeyCreated':
      await tx.collection<ApiKeyDoc>(API_KEYS).upsert({
        id: event.data.keyId, userId: id, workspaceId: event.data.workspaceId, label: event.data.label, prefix: event.data.prefix, createdAt: at,
      });
      return;
    case 'ApiKeyRevoked':
      await tx.collection<ApiKeyDoc>(API_KEYS).patch(event.data.keyId, { revokedAt: at });
      return;
    default:
  }
}

async function applyWorkspaceEvent(event: RecordedEvent & WorkspaceEvent, tx: ReadModelTx): Promise<void> {
  const workspaceId = streamId(event.stream);
  const at = event.metadata.at;
  const members = tx.collection<MemberDoc>(MEMBERS);
  switch (event.type) {
    case 'WorkspaceCreated':
      await tx.collection<WorkspaceDoc>(WORKSPACES).upsert({ id: workspaceId, name: event.data.name, createdAt: at });
      return;
    case 'WorkspaceMemberAdded':
      await members.upsert({ id: `${workspaceId}:${event.data.userId}`, workspaceId, userId: event.data.userId, role: event.data.role });
      return;
    case 'WorkspaceMemberRoleChanged':
      await members.patch(`${workspaceId}:${event.data.userId}`, { role: event.data.to });
      return;
    case 'WorkspaceMemberRemoved':
      await members.delete(`${workspaceId}:${event.data.userId}`);
      return;
    case 'InvitationCreated':
      await tx.collection<InvitationDoc>(INVITATIONS).upsert({
        id: event.data.invitationId, workspaceId, email: event.data.email, role: event.data.role, expiresAt: event.data.expiresAt,
        status: 'open', invitedBy: event.metadata.actor.id, createdAt: at,
      });
      return;
    case 'InvitationAccepted':
    case 'InvitationRevoked':
      await tx.collection<InvitationDoc>(INVITATIONS).patch(event.data.invitationId, { status: event.type === 'InvitationAccepted' ? 'accepted' : 'revoked' });
      return;
    case 'VariableSet':
      await tx.collection<VariableDoc>(VARIABLES).upsert({ id: event.data.variableId, workspaceId, key: event.data.key, value: event.data.value, updatedAt: at });
      return;
    case 'VariableDeleted':
      await tx.collection<VariableDoc>(VARIABLES).delete(event.data.variableId);
      return;
    default:
  }
}
