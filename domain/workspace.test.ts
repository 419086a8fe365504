import { describe, expect, it } from 'vitest';
import { fold } from './decider.ts';
import { ConflictError, ForbiddenError } from './errors.ts';
import { workspaceDecider, type WorkspaceCommand, type WorkspaceEvent } from './workspace.ts';

/** given(events).when(command) → the events decided, or the error thrown. */
function given(events: WorkspaceEvent[]) {
  return { when: (command: WorkspaceCommand) => workspaceDecider.decide(command, fold(workspaceDecider, events)) };
}

// 'own' is the instance owner, 'adm' and 'ed' ordinary members.
const workspace: WorkspaceEvent[] = [
  { type: 'WorkspaceCreated', data: { name: 'W' } },
  { type: 'WorkspaceMemberAdded', data: { userId: 'own', role: 'admin' } },
  { type: 'WorkspaceMemberAdded', data: { userId: 'adm', role: 'admin' } },
  { type: 'WorkspaceMemberAdded', data: { userId: 'ed', role: 'editor' } },
];
const byAdmin = { by: 'adm', targetIsOwner: false };
const onOwner = (by: string) => ({ userId: 'own', by, targetIsOwner: true });

describe('workspace decider: memberships', () => {
  it('refuses any change of the owner’s membership asked by someone else', () => {
    expect(() => given(workspace).when({ type: 'ChangeMemberRole', role: 'viewer', ...onOwner('adm') })).toThrow(ForbiddenError);
    expect(() => given(workspace).when({ type: 'ChangeMemberRole', role: 'admin', ...onOwner('adm') })).toThrow(ForbiddenError);
    expect(() => given(workspace).when({ type: 'RemoveMember', ...onOwner('adm') })).toThrow(ForbiddenError);
    expect(() => given(workspace.slice(0, 1)).when({ type: 'AddMember', role: 'viewer', ...onOwner('adm') })).toThrow(ForbiddenError);
  });

  it('lets the owner change their own membership', () => {
    expect(given(workspace).when({ type: 'ChangeMemberRole', role: 'viewer', ...onOwner('own') })).toEqual([
      { type: 'WorkspaceMemberRoleChanged', data: { userId: 'own', from: 'admin', to: 'viewer' } },
    ]);
    expect(given(workspace).when({ type: 'RemoveMember', ...onOwner('own') })).toEqual([{ type: 'WorkspaceMemberRemoved', data: { userId: 'own' } }]);
  });

  it('lets an admin manage other members, and keeps the last admin', () => {
    expect(given(workspace).when({ type: 'RemoveMember', userId: 'ed', ...byAdmin })).toEqual([{ type: 'WorkspaceMemberRemoved', data: { userId: 'ed' } }]);
    expect(given(workspace).when({ type: 'ChangeMemberRole', userId: 'adm', role: 'editor', ...byAdmin })).toHaveLength(1);
    const alone: WorkspaceEvent[] = [workspace[0], workspace[2]];
    expect(() => given(alone).when({ type: 'RemoveMember', userId: 'adm', ...byAdmin })).toThrow(ConflictError);
    expect(() => given(alone).when({ type: 'ChangeMemberRole', userId: 'adm', role: 'viewer', ...byAdmin })).toThrow(ConflictError);
  });
});
