// Roles and what they allow: the vocabulary every entry point shares.

/** Per-workspace roles, weakest first. */
export const WORKSPACE_ROLES = ['viewer', 'editor', 'admin'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** What an action needs: reading, changing, or administering (members, sharing, deletion of keys). */
export type AccessLevel = 'read' | 'write' | 'admin';

/** Instance-wide role: the owner administers every workspace and the users. */
export type InstanceRole = 'owner' | 'member';

const LEVEL_OF_ROLE: Record<WorkspaceRole, number> = { viewer: 1, editor: 2, admin: 3 };
const NEEDED: Record<AccessLevel, number> = { read: 1, write: 2, admin: 3 };

export function roleAllows(role: WorkspaceRole, level: AccessLevel): boolean {
  return LEVEL_OF_ROLE[role] >= NEEDED[level];
}

/** The workspace every instance starts with; events written before workspaces existed belong to it. */
export const DEFAULT_WORKSPACE_ID = 'default';
