// The credential aggregate (stream `credential-<id>`). Events carry only the sealed (encrypted)
// data; the key that opens it lives outside the log, so deleting the key shreds every copy.
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import type { Decider } from './decider.ts';
import { shareChanges, withSharing } from './sharing.ts';

export const CREDENTIAL_CATEGORY = 'credential';

export type CredentialCommand =
  | { type: 'CreateCredential'; workspaceId: string; name: string; credentialType: string; sealed: string }
  | { type: 'UpdateCredential'; name?: string; sealed?: string; changedFields: string[] }
  | { type: 'DeleteCredential' }
  | { type: 'ShareCredential'; workspaceId: string }
  | { type: 'UnshareCredential'; workspaceId: string }
  | { type: 'RecordCredentialUse'; purpose: string; executionId?: string };

export type CredentialEvent =
  | { type: 'CredentialCreated'; data: { workspaceId: string; name: string; credentialType: string; sealed: string } }
  | { type: 'CredentialUpdated'; data: { name?: string; sealed?: string; changedFields: string[] } }
  | { type: 'CredentialDeleted'; data: Record<string, never> }
  | { type: 'CredentialShared'; data: { workspaceId: string } }
  | { type: 'CredentialUnshared'; data: { workspaceId: string } }
  | { type: 'CredentialUsed'; data: { purpose: string; executionId?: string } };

export interface CredentialState {
  exists: boolean;
  deleted: boolean;
  workspaceId?: string;
  name?: string;
  credentialType?: string;
  sealed?: string;
  sharedWith: string[];
}

function requireLive(state: CredentialState): void {
  if (!state.exists || state.deleted) throw new NotFoundError('Credential', 'this');
}

function checkName(name: string): string {
  const clean = name.trim();
  if (!clean || clean.length > 128) throw new ValidationError('A name has 1 to 128 characters', [{ path: 'name', message: 'invalid length' }]);
  return clean;
}

export const credentialDecider: Decider<CredentialCommand, CredentialEvent, CredentialState> = {
  initialState: () => ({ exists: false, deleted: false, sharedWith: [] }),
  decide(command, state) {
    switch (command.type) {
      case 'CreateCredential':
        if (state.exists) throw new ConflictError('The credential already exists');
        return [{ type: 'CredentialCreated', data: { workspaceId: command.workspaceId, name: checkName(command.name), credentialType: command.credentialType, sealed: command.sealed } }];
      case 'UpdateCredential': {
        requireLive(state);
        const name = command.name === undefined ? undefined : checkName(command.name);
        const renamed = name !== undefined && name !== state.name;
        if (!renamed && command.changedFields.length === 0) return [];
        return [{
          type: 'CredentialUpdated',
          data: { ...(renamed ? { name } : {}), ...(command.changedFields.length ? { sealed: command.sealed } : {}), changedFields: command.changedFields },
        }];
      }
      case 'DeleteCredential':
        requireLive(state);
        return [{ type: 'CredentialDeleted', data: {} }];
      case 'ShareCredential':
      case 'UnshareCredential': {
        requireLive(state);
        const share = command.type === 'ShareCredential';
        if (!shareChanges(state, command.workspaceId, share, 'credential')) return [];
        return [{ type: share ? 'CredentialShared' : 'CredentialUnshared', data: { workspaceId: command.workspaceId } }];
      }
      case 'RecordCredentialUse':
        requireLive(state);
        return [{ type: 'CredentialUsed', data: { purpose: command.purpose, ...(command.executionId ? { executionId: command.executionId } : {}) } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'CredentialCreated':
        return { ...state, exists: true, workspaceId: event.data.workspaceId, name: event.data.name, credentialType: event.data.credentialType, sealed: event.data.sealed };
      case 'CredentialUpdated':
        return { ...state, name: event.data.name ?? state.name, sealed: event.data.sealed ?? state.sealed };
      case 'CredentialDeleted':
        return { ...state, deleted: true, sealed: undefined };
      case 'CredentialShared':
      case 'CredentialUnshared':
        return { ...state, sharedWith: withSharing(state.sharedWith, event.data.workspaceId, event.type === 'CredentialShared') };
      default:
        return state;
    }
  },
};
