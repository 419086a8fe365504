// Workspaces: creation, members and roles, invitations, variables.
import {
  ConflictError, newEntityId, normalizeEmail, NotFoundError, streamName, ValidationError, WORKSPACE_CATEGORY,
  workspaceDecider, type MemberChangeFacts, type WorkspaceCommand, type WorkspaceRole,
} from '../../domain/index.ts';
import {
  INVITATIONS, MEMBERS, VARIABLES, WORKSPACES,
  type InvitationDoc, type MemberDoc, type ProjectionRunner, type ReadModelStore, type VariableDoc, type WorkspaceDoc,
} from '../../projections/index.ts';
import type { RequestContext, RunCommand } from '../commands.ts';
import type { IdentityService } from './identity-service.ts';
import type { Principal } from './principal.ts';
import { newToken, tokenHash } from './secrets.ts';
import { VAULT, type InvitationTokenRecord } from './vault.ts';

const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;

export function createWorkspaceService(deps: { identity: ProjectionRunner; vault: ReadModelStore; run: RunCommand; users: IdentityService }) {
  const { identity, vault, run, users } = deps;
  const exec = (workspaceId: string, command: WorkspaceCommand, ctx: RequestContext) =>
    run(workspaceDecider, streamName(WORKSPACE_CATEGORY, workspaceId), command, ctx, { workspaceId });

  const memberFacts = async (userId: string, ctx: RequestContext): Promise<MemberChangeFacts> =>
    ({ by: ctx.actor.id, targetIsOwner: (await users.getUser(userId))?.instanceRole === 'owner' });

  return {
    async create(name: string, creator: Principal, ctx: RequestContext): Promise<WorkspaceDoc> {
      const id = newEntityId();
      await exec(id, { type: 'CreateWorkspace', name, creatorId: creator.userId }, ctx);
      return (await identity.collection<WorkspaceDoc>(WORKSPACES).get(id))!;
    },

    get: (id: string) => identity.collection<WorkspaceDoc>(WORKSPACES).get(id),

    async members(workspaceId: string) {
      const page = await identity.collection<MemberDoc>(MEMBERS).find({ filter: { workspaceId }, limit: 1000 });
      return Promise.all(page.items.map(async (m) => {
        const user = await users.getUser(m.userId);
        return { userId: m.userId, role: m.role, email: user?.email, name: user?.name, disabled: user?.disabled ?? false };
      }));
    },

    async addMember(workspaceId: string, userId: string, role: WorkspaceRole, ctx: RequestContext) {
      const user = await users.getUser(userId);
      if (!user) throw new NotFoundError('User', userId);
      await exec(workspaceId, { type: 'AddMember', userId, role, by: ctx.actor.id, targetIsOwner: user.instanceRole === 'owner' }, ctx);
    },
    changeRole: async (workspaceId: string, userId: string, role: WorkspaceRole, ctx: RequestContext) =>
      exec(workspaceId, { type: 'ChangeMemberRole', userId, role, ...(await memberFacts(userId, ctx)) }, ctx),
    removeMember: async (workspaceId: string, userId: string, ctx: RequestContext) =>
      exec(workspaceId, { type: 'RemoveMember', userId, ...(await memberFacts(userId, ctx)) }, ctx),

    /** Invites an email address; the token is returned once, to be passed on to the invitee. */
    async invite(workspaceId: string, emailInput: string, role: WorkspaceRole, ctx: RequestContext): Promise<{ invitation: InvitationDoc; token: string }> {
      const email = normalizeEmail(emailInput);
      const invitationId = newEntityId();
      const token = newToken('wi_');
      const tokens = vault.collection<InvitationTokenRecord>(VAULT.invitations);
      await tokens.upsert({ id: tokenHash(token), invitationId, workspaceId, email });
      try {
        await exec(workspaceId, { type: 'InviteMember', invitationId, email, role, expiresAt: new Date(Date.now() + INVITATION_TTL_MS).toISOString() }, ctx);
      } catch (error) {
        // A refused invitation leaves no token behind.
        await tokens.delete(tokenHash(token));
        throw error;
      }
      return { invitation: (await identity.collection<InvitationDoc>(INVITATIONS).get(invitationId))!, token };
    },

    async invitations(workspaceId: string): Promise<InvitationDoc[]> {
      return (await identity.collection<InvitationDoc>(INVITATIONS).find({ filter: { workspaceId }, sort: [{ field: 'createdAt', direction: 'desc' }], limit: 1000 })).items;
    },

    revokeInvitation: async (workspaceId: string, invitationId: string, ctx: RequestContext) => {
      const doc = await identity.collection<InvitationDoc>(INVITATIONS).get(invitationId);
      if (!doc || doc.workspaceId !== workspaceId) throw new NotFoundError('Invitation', invitationId);
      await exec(workspaceId, { type: 'RevokeInvitation', invitationId }, ctx);
    },

    /**
     * Accepts an invitation. A new user gives a name and password; an existing user must be signed
     * in as the invited address.
     */
    async accept(token: string, input: { name?: string; password?: string }, signedIn: Principal | undefined, ctx: RequestContext) {
      const record = await vault.collection<InvitationTokenRecord>(VAULT.invitations).get(tokenHash(token));
      if (!record) throw new ValidationError('The invitation is not valid', [{ path: 'token', message: 'unknown token' }]);
      let userId: string;
      const existing = await users.userByEmail(record.email);
      if (existing) {
        if (!signedIn || signedIn.userId !== existing.id) throw new ConflictError('An account with this email exists: sign in as it, then accept');
        userId = existing.id;
      } else {
        if (!input.name || !input.password) throw new ValidationError('A new account needs a name and a password', [{ path: input.name ? 'password' : 'name', message: 'required' }]);
        userId = (await users.register({ email: record.email, name: input.name, password: input.password }, ctx)).id;
      }
      await exec(record.workspaceId, { type: 'AcceptInvitation', invitationId: record.invitationId, userId, now: new Date().toISOString() }, { ...ctx, actor: { kind: 'user', id: userId } });
      await vault.collection(VAULT.invitations).delete(record.id);
      return { userId, workspaceId: record.workspaceId };
    },

    async variables(workspaceId: string): Promise<VariableDoc[]> {
      return (await identity.collection<VariableDoc>(VARIABLES).find({ filter: { workspaceId }, sort: [{ field: 'key', direction: 'asc' }], limit: 1000 })).items;
    },
    findVariable: (id: string) => identity.collection<VariableDoc>(VARIABLES).get(id),

    async setVariable(workspaceId: string, variableId: string | undefined, key: string, value: string, ctx: RequestContext): Promise<VariableDoc> {
      const id = variableId ?? newEntityId();
      await exec(workspaceId, { type: 'SetVariable', variableId: id, key, value }, ctx);
      return (await identity.collection<VariableDoc>(VARIABLES).get(id))!;
    },
    deleteVariable: (workspaceId: string, variableId: string, ctx: RequestContext) => exec(workspaceId, { type: 'DeleteVariable', variableId }, ctx),

    /** `$vars` for expressions: the workspace's variables as an object. */
    async variableMap(workspaceId: string): Promise<Record<string, string>> {
      return Object.fromEntries((await this.variables(workspaceId)).map((v) => [v.key, v.value]));
    },
  };
}
