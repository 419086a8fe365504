// The one place that decides who may do what: every REST route goes through it, and the live
// channels (Socket.IO and Yjs rooms, test webhooks) call the same functions.
import { NotFoundError, AppError, roleAllows, type AccessLevel, type WorkspaceRole } from '../../domain/index.ts';
import { MEMBERS, WORKSPACES, type MemberDoc, type ProjectionRunner, type WorkspaceDoc } from '../../projections/index.ts';
import type { Principal } from './principal.ts';

/** Where a resource lives: its workspace, and the workspaces it was shared with (read access). */
export interface ResourceOwner {
  workspaceId: string;
  sharedWith?: string[];
}

export type AccessControl = ReturnType<typeof createAccessControl>;

export function createAccessControl(identity: ProjectionRunner) {
  const members = () => identity.collection<MemberDoc>(MEMBERS);

  /** The principal's role in a workspace, or undefined when it is not a member (or out of its key's scope). */
  async function roleIn(principal: Principal, workspaceId: string): Promise<WorkspaceRole | undefined> {
    if (principal.apiKey && principal.apiKey.workspaceId !== workspaceId) return undefined;
    // The owner administers every workspace that exists, whatever role a membership records.
    if (principal.instanceRole === 'owner') return (await identity.collection<WorkspaceDoc>(WORKSPACES).get(workspaceId)) ? 'admin' : undefined;
    return (await members().get(`${workspaceId}:${principal.userId}`))?.role;
  }

  /** Workspaces the principal belongs to, default workspace first. */
  async function workspacesOf(principal: Principal): Promise<{ workspaceId: string; role: WorkspaceRole }[]> {
    if (principal.apiKey) {
      const role = await roleIn(principal, principal.apiKey.workspaceId);
      return role ? [{ workspaceId: principal.apiKey.workspaceId, role }] : [];
    }
    const page = await members().find({ filter: { userId: principal.userId }, limit: 1000 });
    const own = page.items.map((m) => ({ workspaceId: m.workspaceId, role: principal.instanceRole === 'owner' ? 'admin' as const : m.role }));
    if (principal.instanceRole === 'owner') {
      const all = await identity.collection<WorkspaceDoc>(WORKSPACES).find({ limit: 1000 });
      for (const ws of all.items) if (!own.some((o) => o.workspaceId === ws.id)) own.push({ workspaceId: ws.id, role: 'admin' });
    }
    return own.sort((a, b) => Number(b.workspaceId === 'default') - Number(a.workspaceId === 'default') || a.workspaceId.localeCompare(b.workspaceId));
  }

  /**
   * The workspace a request acts in: the one asked for (header X-Workspace-Id), else the API key's,
   * else the principal's first. A workspace the principal cannot see answers 404.
   */
  async function currentWorkspace(principal: Principal, requested?: string): Promise<{ workspaceId: string; role: WorkspaceRole }> {
    const wanted = requested || principal.apiKey?.workspaceId;
    if (wanted) {
      const role = await roleIn(principal, wanted);
      if (!role) throw new NotFoundError('Workspace', wanted);
      return { workspaceId: wanted, role };
    }
    const [first] = await workspacesOf(principal);
    if (!first) throw new NotFoundError('Workspace', '(none: you are not a member of any workspace)');
    return first;
  }

  /**
   * Checks access to a resource. No access at all answers 404, as if it did not exist; access
   * without the needed role answers 403. Shared workspaces get read access.
   */
  async function authorize(principal: Principal, owner: ResourceOwner | undefined, level: AccessLevel, what = 'Resource', id = ''): Promise<WorkspaceRole> {
    if (!owner) throw new NotFoundError(what, id);
    const role = await roleIn(principal, owner.workspaceId);
    if (role) {
      if (!roleAllows(role, level)) throw forbidden(role, level);
      return role;
    }
    if (owner.sharedWith?.length) {
      for (const ws of owner.sharedWith) {
        const sharedRole = await roleIn(principal, ws);
        if (!sharedRole) continue;
        if (level !== 'read') throw new AppError('forbidden', 'A shared resource is read-only outside its own workspace');
        return 'viewer';
      }
    }
    throw new NotFoundError(what, id);
  }

  return { roleIn, workspacesOf, currentWorkspace, authorize };
}

export function forbidden(role: WorkspaceRole, level: AccessLevel): AppError {
  return new AppError('forbidden', `Your role (${role}) does not allow this (${level} access needed)`);
}
