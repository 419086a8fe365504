// Users, sign-in sessions, passwords and API keys. Secrets go to the vault, facts to the event log.
import { createHash } from 'node:crypto';
import {
  AppError, ConflictError, DEFAULT_WORKSPACE_ID, newEntityId, normalizeEmail, NotFoundError, streamName, USER_CATEGORY,
  USER_EMAIL_CATEGORY, userDecider, ValidationError, workspaceDecider, WORKSPACE_CATEGORY, WrongExpectedRevisionError,
  type InstanceRole,
} from '../../domain/index.ts';
import { API_KEYS, USERS, type ApiKeyDoc, type ProjectionRunner, type ReadModelStore, type UserDoc } from '../../projections/index.ts';
import type { EventStore } from '../../events/index.ts';
import type { RequestContext, RunCommand } from '../commands.ts';
import type { Principal } from './principal.ts';
import { DUMMY_PASSWORD_HASH, hashPassword, newToken, PASSWORD_MAX, PASSWORD_MIN, tokenHash, verifyPassword } from './secrets.ts';
import { VAULT, type ApiKeyRecord, type PasswordRecord, type SessionRecord } from './vault.ts';

export const SYSTEM_CONTEXT = (requestId: string): RequestContext => ({ actor: { kind: 'system', id: 'system' }, requestId });

export interface IdentityDeps {
  events: EventStore;
  identity: ProjectionRunner;
  vault: ReadModelStore;
  run: RunCommand;
  sessionTtlMs: number;
}

export type IdentityService = ReturnType<typeof createIdentityService>;

function checkPassword(password: string, path = 'password'): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw new ValidationError(`A password has ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`, [{ path, message: 'invalid length' }]);
  }
}

/**
 * Set-up registers the owner and signs them in within one request, on the user's stream: without a
 * step of its own the sign-in's event got the registration's id, and the audit kept only one.
 */
const SIGN_IN_STEP = { step: 'signin' };

/** Someone not signed in who registers (first set-up, an invitation) is the actor of record. */
function selfActing(ctx: RequestContext, user: { id: string; name: string }): RequestContext {
  return ctx.actor.kind === 'system' && ctx.actor.id === 'anonymous' ? { ...ctx, actor: { kind: 'user', id: user.id, name: user.name } } : ctx;
}

const emailStream = (email: string) => streamName(USER_EMAIL_CATEGORY, createHash('sha256').update(email).digest('hex').slice(0, 32));

export function createIdentityService(deps: IdentityDeps) {
  const { events, identity, vault, run } = deps;
  const users = () => identity.collection<UserDoc>(USERS);

  async function userByEmail(email: string): Promise<UserDoc | undefined> {
    const page = await users().find({ filter: { email }, limit: 1 });
    return page.items[0];
  }

  async function principalFor(userId: string, extra: Partial<Principal>): Promise<Principal | undefined> {
    const user = await users().get(userId);
    if (!user || user.disabled) return undefined;
    return { userId, email: user.email, name: user.name, instanceRole: user.instanceRole, ...extra };
  }

  const service = {
    async userCount(): Promise<number> {
      return users().count();
    },

    /** Registers a user. The email is reserved first with a stream that can be created only once. */
    async register(input: { email: string; name: string; password: string; instanceRole?: InstanceRole }, ctx: RequestContext): Promise<UserDoc> {
      const email = normalizeEmail(input.email);
      checkPassword(input.password);
      const userId = newEntityId();
      ctx = selfActing(ctx, { id: userId, name: input.name });
      try {
        await events.append(emailStream(email), [{
          id: crypto.randomUUID(), type: 'UserEmailReserved', data: { userId },
          metadata: { actor: ctx.actor, correlationId: ctx.requestId, causationId: ctx.requestId, at: new Date().toISOString(), schemaVersion: 1 },
        }], { expectedRevision: 'no_stream' });
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) throw new ConflictError('A user with this email already exists');
        throw error;
      }
      await vault.collection<PasswordRecord>(VAULT.passwords).upsert({ id: userId, hash: await hashPassword(input.password) });
      await run(userDecider, streamName(USER_CATEGORY, userId), { type: 'RegisterUser', email, name: input.name, instanceRole: input.instanceRole ?? 'member' }, ctx);
      return (await users().get(userId))!;
    },

    /** First start: the owner and the default workspace. Refused once any user exists. */
    async setupOwner(input: { email: string; name: string; password: string }, ctx: RequestContext): Promise<UserDoc> {
      if ((await users().count()) > 0) throw new ConflictError('The instance is already set up');
      const owner = await service.register({ ...input, instanceRole: 'owner' }, ctx);
      await run(workspaceDecider, streamName(WORKSPACE_CATEGORY, DEFAULT_WORKSPACE_ID), { type: 'CreateWorkspace', name: 'Default', creatorId: owner.id }, selfActing(ctx, owner), { workspaceId: DEFAULT_WORKSPACE_ID });
      return owner;
    },

    /** Checks a password; on success opens a session and returns its token (the cookie's value). */
    async signIn(emailInput: string, password: string, ctx: RequestContext): Promise<{ token: string; user: UserDoc }> {
      let email: string;
      try {
        email = normalizeEmail(emailInput);
      } catch {
        email = '';
      }
      const user = email ? await userByEmail(email) : undefined;
      const stored = user ? await vault.collection<PasswordRecord>(VAULT.passwords).get(user.id) : undefined;
      // Always hash once, so an unknown email takes as long as a wrong password.
      const ok = await verifyPassword(password, stored?.hash ?? DUMMY_PASSWORD_HASH);
      if (!user || !stored || !ok) {
        if (user) await run(userDecider, streamName(USER_CATEGORY, user.id), { type: 'RecordSignInFailure', reason: 'wrong password' }, ctx, SIGN_IN_STEP);
        throw new AppError('unauthenticated', 'Wrong email or password');
      }
      if (user.disabled) {
        await run(userDecider, streamName(USER_CATEGORY, user.id), { type: 'RecordSignInFailure', reason: 'account disabled' }, ctx, SIGN_IN_STEP);
        throw new AppError('forbidden', 'This account is disabled');
      }
      const token = newToken('ws_');
      await vault.collection<SessionRecord>(VAULT.sessions).upsert({ id: tokenHash(token), userId: user.id, expiresAt: new Date(Date.now() + deps.sessionTtlMs).toISOString() });
      await run(userDecider, streamName(USER_CATEGORY, user.id), { type: 'RecordSignIn', method: 'password' }, { ...ctx, actor: { kind: 'user', id: user.id, name: user.name } }, SIGN_IN_STEP);
      return { token, user };
    },

    /** The principal of a session token, or undefined; a used session is extended (sliding expiry). */
    async sessionPrincipal(token: string): Promise<Principal | undefined> {
      const sessions = vault.collection<SessionRecord>(VAULT.sessions);
      const id = tokenHash(token);
      const session = await sessions.get(id);
      if (!session) return undefined;
      const now = Date.now();
      if (Date.parse(session.expiresAt) <= now) {
        await sessions.delete(id);
        return undefined;
      }
      // Extend at most once a minute, so reads stay reads.
      const renewed = now + deps.sessionTtlMs;
      if (renewed - Date.parse(session.expiresAt) > 60_000) await sessions.patch(id, { expiresAt: new Date(renewed).toISOString() });
      return principalFor(session.userId, { sessionId: id });
    },

    async signOut(principal: Principal, ctx: RequestContext): Promise<void> {
      if (principal.sessionId) await vault.collection(VAULT.sessions).delete(principal.sessionId);
      await run(userDecider, streamName(USER_CATEGORY, principal.userId), { type: 'RecordSignOut' }, ctx);
    },

    /** Changes the password and ends every other session of the user. */
    async changePassword(principal: Principal, current: string, next: string, ctx: RequestContext): Promise<void> {
      checkPassword(next, 'newPassword');
      const stored = await vault.collection<PasswordRecord>(VAULT.passwords).get(principal.userId);
      if (!stored || !(await verifyPassword(current, stored.hash))) {
        throw new ValidationError('The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
      }
      await vault.collection<PasswordRecord>(VAULT.passwords).upsert({ id: principal.userId, hash: await hashPassword(next) });
      await endSessions(principal.userId, principal.sessionId);
      await run(userDecider, streamName(USER_CATEGORY, principal.userId), { type: 'ChangePassword' }, ctx);
    },

    async setDisabled(userId: string, disabled: boolean, ctx: RequestContext): Promise<UserDoc> {
      if (!(await users().get(userId))) throw new NotFoundError('User', userId);
      await run(userDecider, streamName(USER_CATEGORY, userId), { type: disabled ? 'DisableUser' : 'EnableUser' }, ctx);
      if (disabled) await endSessions(userId);
      return (await users().get(userId))!;
    },

    /** Creates an API key; the key itself is returned once and stored only as a hash. */
    async createApiKey(userId: string, workspaceId: string, label: string, ctx: RequestContext, key = newToken('wk_')): Promise<{ key: string; apiKey: ApiKeyDoc }> {
      const keyId = newEntityId();
      const prefix = key.slice(0, 8);
      await vault.collection<ApiKeyRecord>(VAULT.apiKeys).upsert({ id: tokenHash(key), keyId, userId, workspaceId, revoked: false });
      await run(userDecider, streamName(USER_CATEGORY, userId), { type: 'CreateApiKey', keyId, workspaceId, label, prefix }, ctx, { workspaceId });
      return { key, apiKey: (await identity.collection<ApiKeyDoc>(API_KEYS).get(keyId))! };
    },

    async hasApiKey(key: string): Promise<boolean> {
      return (await vault.collection(VAULT.apiKeys).get(tokenHash(key))) !== undefined;
    },

    async revokeApiKey(userId: string, keyId: string, ctx: RequestContext): Promise<void> {
      const doc = await identity.collection<ApiKeyDoc>(API_KEYS).get(keyId);
      if (!doc || doc.userId !== userId) throw new NotFoundError('API key', keyId);
      const records = await vault.collection<ApiKeyRecord>(VAULT.apiKeys).find({ filter: { keyId }, limit: 1 });
      for (const r of records.items) await vault.collection<ApiKeyRecord>(VAULT.apiKeys).patch(r.id, { revoked: true });
      await run(userDecider, streamName(USER_CATEGORY, userId), { type: 'RevokeApiKey', keyId }, ctx, { workspaceId: doc.workspaceId });
    },

    async listApiKeys(userId: string): Promise<ApiKeyDoc[]> {
      return (await identity.collection<ApiKeyDoc>(API_KEYS).find({ filter: { userId }, sort: [{ field: 'createdAt', direction: 'desc' }], limit: 1000 })).items;
    },

    async apiKeyPrincipal(key: string): Promise<Principal | undefined> {
      const record = await vault.collection<ApiKeyRecord>(VAULT.apiKeys).get(tokenHash(key));
      if (!record || record.revoked) return undefined;
      return principalFor(record.userId, { apiKey: { keyId: record.keyId, workspaceId: record.workspaceId } });
    },

    userByEmail,
    getUser: (id: string) => users().get(id),
    listUsers: async () => (await users().find({ sort: [{ field: 'createdAt', direction: 'asc' }], limit: 1000 })).items,
  };

  async function endSessions(userId: string, keep?: string): Promise<void> {
    const sessions = vault.collection<SessionRecord>(VAULT.sessions);
    for (;;) {
      const page = await sessions.find({ filter: { userId }, limit: 500 });
      const doomed = page.items.filter((s) => s.id !== keep);
      for (const s of doomed) await sessions.delete(s.id);
      if (!page.nextCursor || doomed.length === 0) return;
    }
  }

  return service;
}
