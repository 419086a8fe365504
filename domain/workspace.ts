// The workspace aggregate (stream `workspace-<id>`): members and roles, invitations, variables.
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import type { Decider } from './decider.ts';
import { WORKSPACE_ROLES, type WorkspaceRole } from './access.ts';

export const WORKSPACE_CATEGORY = 'workspace';

/** n8n's rule for variable keys: letters, digits and underscores, starting with a letter or _. */
export const VARIABLE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,49}$/;
export const MAX_VARIABLE_VALUE = 1000;

/**
 * Facts a membership change needs from outside the workspace: who asks, and whether the member is
 * the instance owner (a user-stream fact the caller looks up).
 */
export interface MemberChangeFacts {
  /** The user asking for the change. */
  by: string;
  targetIsOwner: boolean;
}

export type WorkspaceCommand =
  | { type: 'CreateWorkspace'; name: string; creatorId: string }
  | ({ type: 'AddMember'; userId: string; role: WorkspaceRole } & MemberChangeFacts)
  | ({ type: 'ChangeMemberRole'; userId: string; role: WorkspaceRole } & MemberChangeFacts)
  | ({ type: 'RemoveMember'; userId: string } & MemberChangeFacts)
  | { type: 'InviteMember'; invitationId: string; email: string; role: WorkspaceRole; expiresAt: string }
  | { type: 'AcceptInvitation'; invitationId: string; userId: string; now: string }
  | { type: 'RevokeInvitation'; invitationId: string }
  | { type: 'SetVariable'; variableId: string; key: string; value: string }
  | { type: 'DeleteVariable'; variableId: string };

export type WorkspaceEvent =
  | { type: 'WorkspaceCreated'; data: { name: string } }
  | { type: 'WorkspaceMemberAdded'; data: { userId: string; role: WorkspaceRole } }
  | { type: 'WorkspaceMemberRoleChanged'; data: { userId: string; from: WorkspaceRole; to: WorkspaceRole } }
  | { type: 'WorkspaceMemberRemoved'; data: { userId: string } }
  | { type: 'InvitationCreated'; data: { invitationId: string; email: string; role: WorkspaceRole; expiresAt: string } }
  | { type: 'InvitationAccepted'; data: { invitationId: string; userId: string } }
  | { type: 'InvitationRevoked'; data: { invitationId: string } }
  | { type: 'VariableSet'; data: { variableId: string; key: string; value: string } }
  | { type: 'VariableDeleted'; data: { variableId: string; key: string } };

export interface WorkspaceState {
  exists: boolean;
  name?: string;
  members: Record<string, WorkspaceRole>;
  invitations: Record<string, { email: string; role: WorkspaceRole; expiresAt: string; open: boolean }>;
  variables: Record<string, { key: string; value: string }>;
}

function requireWorkspace(state: WorkspaceState): void {
  if (!state.exists) throw new NotFoundError('Workspace', 'this');
}

function checkRole(role: string): asserts role is WorkspaceRole {
  if (!(WORKSPACE_ROLES as readonly string[]).includes(role)) {
    throw new ValidationError(`A role is one of ${WORKSPACE_ROLES.join(', ')}`, [{ path: 'role', message: 'unknown role' }]);
  }
}

function admins(state: WorkspaceState): string[] {
  return Object.entries(state.members).filter(([, r]) => r === 'admin').map(([id]) => id);
}

/** The instance owner administers every workspace: only they may change their own membership. */
function checkOwnerProtected(command: { userId: string } & MemberChangeFacts): void {
  if (command.targetIsOwner && command.by !== command.userId) {
    throw new ForbiddenError("Only the instance owner may change the instance owner's membership", [{ path: 'userId', message: 'is the instance owner' }]);
  }
}

function checkName(name: string): string {
  const clean = name.trim();
  if (!clean || clean.length > 128) throw new ValidationError('A name has 1 to 128 characters', [{ path: 'name', message: 'invalid length' }]);
  return clean;
}

export const workspaceDecider: Decider<WorkspaceCommand, WorkspaceEvent, WorkspaceState> = {
  initialState: () => ({ exists: false, members: {}, invitations: {}, variables: {} }),
  decide(command, state) {
    switch (command.type) {
      case 'CreateWorkspace':
        if (state.exists) throw new ConflictError('The workspace already exists');
        return [
          { type: 'WorkspaceCreated', data: { name: checkName(command.name) } },
          { type: 'WorkspaceMemberAdded', data: { userId: command.creatorId, role: 'admin' } },
        ];
      case 'AddMember':
        requireWorkspace(state);
        checkRole(command.role);
        checkOwnerProtected(command);
        if (state.members[command.userId]) throw new ConflictError('The user is already a member');
        return [{ type: 'WorkspaceMemberAdded', data: { userId: command.userId, role: command.role } }];
      case 'ChangeMemberRole': {
        requireWorkspace(state);
        checkRole(command.role);
        checkOwnerProtected(command);
        const from = state.members[command.userId];
        if (!from) throw new NotFoundError('Member', command.userId);
        if (from === command.role) return [];
        if (from === 'admin' && admins(state).length === 1) throw new ConflictError('A workspace keeps at least one admin');
        return [{ type: 'WorkspaceMemberRoleChanged', data: { userId: command.userId, from, to: command.role } }];
      }
      case 'RemoveMember': {
        requireWorkspace(state);
        checkOwnerProtected(command);
        const role = state.members[command.userId];
        if (!role) throw new NotFoundError('Member', command.userId);
        if (role === 'admin' && admins(state).length === 1) throw new ConflictError('A workspace keeps at least one admin');
        return [{ type: 'WorkspaceMemberRemoved', data: { userId: command.userId } }];
      }
      case 'InviteMember':
        requireWorkspace(state);
        checkRole(command.role);
        return [{ type: 'InvitationCreated', data: { invitationId: command.invitationId, email: command.email, role: command.role, expiresAt: command.expiresAt } }];
      case 'AcceptInvitation': {
        requireWorkspace(state);
        const invitation = state.invitations[command.invitationId];
        if (!invitation || !invitation.open || invitation.expiresAt < command.now) {
          throw new ValidationError('The invitation is not valid any more', [{ path: 'token', message: 'expired, used or revoked' }]);
        }
        const events: WorkspaceEvent[] = [{ type: 'InvitationAccepted', data: { invitationId: command.invitationId, userId: command.userId } }];
        if (!state.members[command.userId]) events.push({ type: 'WorkspaceMemberAdded', data: { userId: command.userId, role: invitation.role } });
        return events;
      }
      case 'RevokeInvitation': {
        requireWorkspace(state);
        const invitation = state.invitations[command.invitationId];
        if (!invitation) throw new NotFoundError('Invitation', command.invitationId);
        return invitation.open ? [{ type: 'InvitationRevoked', data: { invitationId: command.invitationId } }] : [];
      }
      case 'SetVariable': {
        requireWorkspace(state);
        if (!VARIABLE_KEY.test(command.key)) {
          throw new ValidationError('A variable key has letters, digits and _ (at most 50), and does not start with a digit', [{ path: 'key', message: 'invalid key' }]);
        }
        if (command.value.length > MAX_VARIABLE_VALUE) {
          throw new ValidationError(`A variable value has at most ${MAX_VARIABLE_VALUE} characters`, [{ path: 'value', message: 'too long' }]);
        }
        const clash = Object.entries(state.variables).find(([id, v]) => v.key === command.key && id !== command.variableId);
        if (clash) throw new ConflictError(`A variable '${command.key}' already exists`);
        const current = state.variables[command.variableId];
        if (current && current.key === command.key && current.value === command.value) return [];
        return [{ type: 'VariableSet', data: { variableId: command.variableId, key: command.key, value: command.value } }];
      }
      case 'DeleteVariable': {
        requireWorkspace(state);
        const variable = state.variables[command.variableId];
        if (!variable) throw new NotFoundError('Variable', command.variableId);
        return [{ type: 'VariableDeleted', data: { variableId: command.variableId, key: variable.key } }];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'WorkspaceCreated':
        return { ...state, exists: true, name: event.data.name };
      case 'WorkspaceMemberAdded':
        return { ...state, members: { ...state.members, [event.data.userId]: event.data.role } };
      case 'WorkspaceMemberRoleChanged':
        return { ...state, members: { ...state.members, [event.data.userId]: event.data.to } };
      case 'WorkspaceMemberRemoved': {
        const { [event.data.userId]: _removed, ...members } = state.members;
        return { ...state, members };
      }
      case 'InvitationCreated': {
        const { invitationId, ...rest } = event.data;
        return { ...state, invitations: { ...state.invitations, [invitationId]: { ...rest, open: true } } };
      }
      case 'InvitationAccepted':
      case 'InvitationRevoked': {
        const invitation = state.invitations[event.data.invitationId];
        return invitation ? { ...state, invitations: { ...state.invitations, [event.data.invitationId]: { ...invitation, open: false } } } : state;
      }
      case 'VariableSet':
        return { ...state, variables: { ...state.variables, [event.data.variableId]: { key: event.data.key, value: event.data.value } } };
      case 'VariableDeleted': {
        const { [event.data.variableId]: _removed, ...variables } = state.variables;
        return { ...state, variables };
      }
      default:
        return state;
    }
  },
};
