// The user aggregate (stream `user-<id>`): registration, password changes, sign-ins, API keys.
// Password hashes and key hashes never enter events; they live in the vault store.
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import type { Decider } from './decider.ts';
import type { InstanceRole } from './access.ts';

export const USER_CATEGORY = 'user';
/** Stream whose existence reserves an email address (`useremail-<sha256 of the address>`). */
export const USER_EMAIL_CATEGORY = 'useremail';

export type UserCommand =
  | { type: 'RegisterUser'; email: string; name: string; instanceRole: InstanceRole }
  | { type: 'ChangePassword' }
  | { type: 'DisableUser' }
  | { type: 'EnableUser' }
  | { type: 'RecordSignIn'; method: 'password' }
  | { type: 'RecordSignInFailure'; reason: string }
  | { type: 'RecordSignOut' }
  | { type: 'CreateApiKey'; keyId: string; workspaceId: string; label: string; prefix: string }
  | { type: 'RevokeApiKey'; keyId: string };

export type UserEvent =
  | { type: 'UserRegistered'; data: { email: string; name: string; instanceRole: InstanceRole } }
  | { type: 'UserPasswordChanged'; data: Record<string, never> }
  | { type: 'UserDisabled'; data: Record<string, never> }
  | { type: 'UserEnabled'; data: Record<string, never> }
  | { type: 'UserSignedIn'; data: { method: 'password' } }
  | { type: 'UserSignInFailed'; data: { reason: string } }
  | { type: 'UserSignedOut'; data: Record<string, never> }
  | { type: 'ApiKeyCreated'; data: { keyId: string; workspaceId: string; label: string; prefix: string } }
  | { type: 'ApiKeyRevoked'; data: { keyId: string } };

export interface UserState {
  exists: boolean;
  disabled: boolean;
  email?: string;
  instanceRole?: InstanceRole;
  apiKeys: Record<string, { workspaceId: string; revoked: boolean }>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cases and trims an email address, or throws if it is not one. */
export function normalizeEmail(email: string): string {
  const clean = email.trim().toLowerCase();
  if (!EMAIL.test(clean) || clean.length > 254) throw new ValidationError('Not a valid email address', [{ path: 'email', message: 'invalid email' }]);
  return clean;
}

function requireUser(state: UserState): void {
  if (!state.exists) throw new NotFoundError('User', 'this');
}

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: () => ({ exists: false, disabled: false, apiKeys: {} }),
  decide(command, state) {
    switch (command.type) {
      case 'RegisterUser': {
        if (state.exists) throw new ConflictError('The user already exists');
        const name = command.name.trim();
        if (!name || name.length > 128) throw new ValidationError('A name has 1 to 128 characters', [{ path: 'name', message: 'invalid length' }]);
        return [{ type: 'UserRegistered', data: { email: normalizeEmail(command.email), name, instanceRole: command.instanceRole } }];
      }
      case 'ChangePassword':
        requireUser(state);
        return [{ type: 'UserPasswordChanged', data: {} }];
      case 'DisableUser':
        requireUser(state);
        if (state.instanceRole === 'owner') throw new ConflictError('The owner cannot be disabled');
        return state.disabled ? [] : [{ type: 'UserDisabled', data: {} }];
      case 'EnableUser':
        requireUser(state);
        return state.disabled ? [{ type: 'UserEnabled', data: {} }] : [];
      case 'RecordSignIn':
        requireUser(state);
        return [{ type: 'UserSignedIn', data: { method: command.method } }];
      case 'RecordSignInFailure':
        requireUser(state);
        return [{ type: 'UserSignInFailed', data: { reason: command.reason } }];
      case 'RecordSignOut':
        requireUser(state);
        return [{ type: 'UserSignedOut', data: {} }];
      case 'CreateApiKey': {
        requireUser(state);
        const label = command.label.trim();
        if (label.length > 128) throw new ValidationError('A label has at most 128 characters', [{ path: 'label', message: 'too long' }]);
        return [{ type: 'ApiKeyCreated', data: { keyId: command.keyId, workspaceId: command.workspaceId, label, prefix: command.prefix } }];
      }
      case 'RevokeApiKey': {
        requireUser(state);
        const key = state.apiKeys[command.keyId];
        if (!key) throw new NotFoundError('API key', command.keyId);
        return key.revoked ? [] : [{ type: 'ApiKeyRevoked', data: { keyId: command.keyId } }];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'UserRegistered':
        return { ...state, exists: true, email: event.data.email, instanceRole: event.data.instanceRole };
      case 'UserDisabled':
        return { ...state, disabled: true };
      case 'UserEnabled':
        return { ...state, disabled: false };
      case 'ApiKeyCreated':
        return { ...state, apiKeys: { ...state.apiKeys, [event.data.keyId]: { workspaceId: event.data.workspaceId, revoked: false } } };
      case 'ApiKeyRevoked': {
        const key = state.apiKeys[event.data.keyId];
        return key ? { ...state, apiKeys: { ...state.apiKeys, [event.data.keyId]: { ...key, revoked: true } } } : state;
      }
      default:
        return state;
    }
  },
};
