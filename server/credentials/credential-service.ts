// Credentials: sealed with a per-credential data key that the master key wraps. The API sees only
// redacted data; a run gets the plaintext through `useInRun`, which is recorded.
import { randomUUID } from 'node:crypto';
import {
  applyCredentialInput, credentialDecider, credentialTypeExtends, parseCredentialData, CREDENTIAL_CATEGORY, fold, getCredentialType, newEntityId, NotFoundError,
  redactCredentialData, streamName, ValidationError, withHiddenDefaults,
  type CredentialEvent, type CredentialState, type OAuth1ApiData, type OAuth2ApiData,
} from '../../domain/index.ts';
import type { EventStore } from '../../events/index.ts';
import { CREDENTIALS, type CredentialDoc, type Page, type ProjectionRunner, type ReadModelStore } from '../../projections/index.ts';
import type { RequestContext, RunCommand } from '../commands.ts';
import { newToken, tokenHash } from '../auth/secrets.ts';
import { VAULT, type CredentialKeyRecord } from '../auth/vault.ts';
import { decryptJson, encryptJson, newDataKey, unwrapKey, wrapKey } from './envelope.ts';
import { finishOAuth1, startOAuth1 } from './oauth1.ts';
import { authorizationUrl, ensureAccessToken, exchangeCode, pkcePair } from './oauth2.ts';
import { testCredential } from './credential-test.ts';

const OAUTH_STATE_TTL_MS = 10 * 60_000;

/** A browser authorization under way: by the state token (OAuth2) or the request token (OAuth1). */
interface OAuthStateRecord {
  id: string; [k: string]: unknown; credentialId: string; userId: string; expiresAt: string;
  /** PKCE's verifier, or OAuth1's request token secret: needed to finish, never sent to the browser. */
  secret?: string;
}

export type CredentialService = ReturnType<typeof createCredentialService>;

export interface CredentialServiceDeps {
  events: EventStore;
  credentials: ProjectionRunner;
  vault: ReadModelStore;
  run: RunCommand;
  masterKey: Buffer;
  /** Where the OAuth1 provider sends the user back: `<public url>/api/v1/oauth1/callback`. */
  oauth1RedirectUri: string;
  /** Where the OAuth2 provider sends the user back: `<public url>/api/v1/oauth2/callback`. */
  oauthRedirectUri: string;
  allowPrivateNetwork: boolean;
}

export function createCredentialService(deps: CredentialServiceDeps) {
  const { events, credentials, vault, run, masterKey } = deps;
  const keys = () => vault.collection<CredentialKeyRecord>(VAULT.credentialKeys);
  const docs = () => credentials.collection<CredentialDoc>(CREDENTIALS);

  async function load(id: string): Promise<CredentialState & { workspaceId: string; credentialType: string }> {
    const state = fold(credentialDecider, (await events.readStream(streamName(CREDENTIAL_CATEGORY, id))) as unknown as CredentialEvent[]);
    if (!state.exists || state.deleted) throw new NotFoundError('Credential', id);
    return state as CredentialState & { workspaceId: string; credentialType: string };
  }

  async function dataKey(id: string): Promise<Buffer> {
    const record = await keys().get(id);
    if (!record) throw new NotFoundError('Credential key', id);
    return unwrapKey(masterKey, record.wrapped, id);
  }

  async function open(id: string): Promise<{ state: CredentialState & { workspaceId: string; credentialType: string }; data: Record<string, unknown> }> {
    const state = await load(id);
    const data = decryptJson(await dataKey(id), state.sealed!, id) as Record<string, unknown>;
    return { state, data: withHiddenDefaults(state.credentialType, data, process.env) };
  }

  async function view(id: string) {
    const doc = await docs().get(id);
    if (!doc) throw new NotFoundError('Credential', id);
    const { data } = await open(id);
    return { ...doc, data: redactCredentialData(doc.type, data) };
  }

  async function seal(id: string, data: Record<string, unknown>): Promise<string> {
    return encryptJson(await dataKey(id), data, id);
  }

  async function storeData(id: string, state: { workspaceId: string }, previous: Record<string, unknown>, next: Record<string, unknown>, ctx: RequestContext, name?: string) {
    const changedFields = [...new Set([...Object.keys(previous), ...Object.keys(next)])].filter((k) => JSON.stringify(previous[k]) !== JSON.stringify(next[k]));
    await run(credentialDecider, streamName(CREDENTIAL_CATEGORY, id), {
      type: 'UpdateCredential', name, changedFields, ...(changedFields.length ? { sealed: await seal(id, next) } : {}),
    }, ctx, { workspaceId: state.workspaceId, step: randomUUID() });
  }

  /** The authorization under way for this token, removed so it is used once; refused when unknown or expired. */
  async function takeState(token: string, refusal: string, path: string): Promise<OAuthStateRecord> {
    const states = vault.collection<OAuthStateRecord>(VAULT.oauthStates);
    const record = await states.get(tokenHash(token));
    if (!record || Date.parse(record.expiresAt) < Date.now()) throw new ValidationError(refusal, [{ path, message: 'invalid' }]);
    await states.delete(record.id);
    return record;
  }

  /**
   * Forced renewals under way, by credential: items that get 401 at the same time share one
   * refresh, since a provider that rotates refresh tokens refuses the second use of the old one
   * (within this process).
   */
  const renewing = new Map<string, Promise<Record<string, unknown>>>();

  async function renew(id: string, state: { workspaceId: string }, data: Record<string, unknown>, force: boolean, ctx: RequestContext): Promise<Record<string, unknown>> {
    const pending = renewing.get(id);
    if (pending) return pending;
    const renewal = (async () => {
      const renewed = await ensureAccessToken(data as unknown as OAuth2ApiData, Date.now(), { force });
      if (!renewed.updatedTokenData) return data;
      const next = { ...data, oauthTokenData: renewed.updatedTokenData };
      await storeData(id, state, data, next, ctx);
      return next;
    })();
    if (!force) return renewal;
    renewing.set(id, renewal);
    try {
      return await renewal;
    } finally {
      renewing.delete(id);
    }
  }

  return {
    /** Where providers send the browser back; the editor shows them to paste into the provider's app settings. */
    oauthRedirectUrls: { oAuth2: deps.oauthRedirectUri, oAuth1: deps.oauth1RedirectUri },
    find: (id: string) => docs().get(id),

    async list(workspaceId: string, shared: boolean, limit: number, cursor?: string): Promise<Page<CredentialDoc>> {
      return docs().find({
        filter: shared ? { sharedWith: { $has: workspaceId } } : { workspaceId },
        sort: [{ field: 'name', direction: 'asc' }], limit, cursor,
      });
    },

    async create(workspaceId: string, input: { name: string; type: string; data: unknown }, ctx: RequestContext) {
      if (!getCredentialType(input.type)) throw new ValidationError(`Unknown credential type '${input.type}'`, [{ path: 'type', message: 'unknown type' }]);
      // Nothing is stored yet, so the redacted placeholder is refused rather than dropped.
      const data = parseCredentialData(input.type, input.data);
      const id = newEntityId();
      const key = newDataKey();
      // The key is stored before the event, so no event ever holds data that no key can open.
      await keys().upsert({ id, wrapped: wrapKey(masterKey, key, id) });
      await run(credentialDecider, streamName(CREDENTIAL_CATEGORY, id), {
        type: 'CreateCredential', workspaceId, name: input.name, credentialType: input.type, sealed: encryptJson(key, data, id),
      }, ctx, { workspaceId });
      return view(id);
    },

    get: view,

    /** Updates name and data; secrets sent back as the redacted placeholder keep their stored value. */
    async update(id: string, input: { name?: string; data?: unknown }, ctx: RequestContext) {
      const { state, data: previous } = await open(id);
      const next = input.data === undefined ? previous : applyCredentialInput(state.credentialType, input.data, previous);
      await storeData(id, state, previous, next, ctx, input.name);
      return view(id);
    },

    /** Deletes the data key first (crypto-shredding: every sealed copy in the log becomes unreadable). */
    async delete(id: string, ctx: RequestContext): Promise<void> {
      const state = await load(id);
      await keys().delete(id);
      await run(credentialDecider, streamName(CREDENTIAL_CATEGORY, id), { type: 'DeleteCredential' }, ctx, { workspaceId: state.workspaceId });
    },

    share: async (id: string, workspaceId: string, ctx: RequestContext) => {
      const state = await load(id);
      await run(credentialDecider, streamName(CREDENTIAL_CATEGORY, id), { type: 'ShareCredential', workspaceId }, ctx, { workspaceId: state.workspaceId });
      return view(id);
    },
    unshare: async (id: string, workspaceId: string, ctx: RequestContext) => {
      const state = await load(id);
      await run(credentialDecider, streamName(CREDENTIAL_CATEGORY, id), { type: 'UnshareCredential', workspaceId }, ctx, { workspaceId: state.workspaceId });
      return view(id);
    },

    /** Tests stored data (when `id` is given, with `data` as a redacted-aware edit) or unsaved data. */
    async test(input: { id?: string; type?: string; data?: unknown }) {
      let type = input.type;
      let data: Record<string, unknown>;
      if (input.id) {
        const opened = await open(input.id);
        type = opened.state.credentialType;
        data = input.data === undefined ? opened.data : applyCredentialInput(type, input.data, opened.data);
      } else {
        if (!type || !getCredentialType(type)) throw new ValidationError(`Unknown credential type '${type ?? ''}'`, [{ path: 'type', message: 'unknown type' }]);
        data = parseCredentialData(type, input.data);
      }
      return testCredential(type, data, { allowPrivateNetwork: deps.allowPrivateNetwork });
    },

    /**
     * The plaintext for a run, through the node SDK only. Records the use; renews an OAuth2 access
     * token when it is about to expire, or whenever `forceRefresh` asks (the service answered 401
     * to it), and stores the new one.
     */
    async useInRun(
      id: string, workspaceId: string, run_: { executionId?: string; purpose?: string }, ctx: RequestContext, { forceRefresh = false }: { forceRefresh?: boolean } = {},
    ): Promise<Record<string, unknown>> {
      const { state, data } = await open(id);
      if (state.workspaceId !== workspaceId && !state.sharedWith.includes(workspaceId)) throw new NotFoundError('Credential', id);
      let result = data;
      if (credentialTypeExtends(state.credentialType, 'oAuth2Api')) result = await renew(id, state, data, forceRefresh, ctx);
      await run(credentialDecider, streamName(CREDENTIAL_CATEGORY, id), {
        type: 'RecordCredentialUse', purpose: run_.purpose ?? 'run', ...(run_.executionId ? { executionId: run_.executionId } : {}),
      }, ctx, { workspaceId: state.workspaceId, step: randomUUID() });
      return result;
    },

    /** Starts connecting an account in the browser (OAuth2 code or PKCE grant, or OAuth1): the URL to send the user to. */
    async oauthAuthorizeUrl(id: string, userId: string): Promise<string> {
      const { state, data } = await open(id);
      const states = vault.collection<OAuthStateRecord>(VAULT.oauthStates);
      const expiresAt = new Date(Date.now() + OAUTH_STATE_TTL_MS).toISOString();
      if (credentialTypeExtends(state.credentialType, 'oAuth1Api')) {
        const { requestToken, authorizeUrl } = await startOAuth1(data as unknown as OAuth1ApiData, deps.oauth1RedirectUri);
        await states.upsert({ id: tokenHash(requestToken.oauth_token), credentialId: id, userId, expiresAt, secret: requestToken.oauth_token_secret });
        return authorizeUrl;
      }
      if (!credentialTypeExtends(state.credentialType, 'oAuth2Api') || (data.grantType !== 'authorizationCode' && data.grantType !== 'pkce')) {
        throw new ValidationError('Only OAuth1 credentials and OAuth2 credentials with the authorization code or PKCE grant connect through a browser');
      }
      const token = newToken('wo_');
      const pkce = data.grantType === 'pkce' ? pkcePair() : undefined;
      await states.upsert({ id: tokenHash(token), credentialId: id, userId, expiresAt, ...(pkce ? { secret: pkce.verifier } : {}) });
      return authorizationUrl(data as unknown as OAuth2ApiData, { redirectUri: deps.oauthRedirectUri, state: token, ...(pkce ? { codeChallenge: pkce.challenge } : {}) });
    },

    /** Completes the OAuth2 flow: exchanges the code and stores the tokens (sealed). */
    async oauthCallback(code: string, stateToken: string, ctx: RequestContext): Promise<{ credentialId: string }> {
      const record = await takeState(stateToken, 'The OAuth2 state is unknown or expired; start again', 'state');
      const { state, data } = await open(record.credentialId);
      const tokens = await exchangeCode(data as unknown as OAuth2ApiData, {
        code, redirectUri: deps.oauthRedirectUri, ...(record.secret ? { codeVerifier: record.secret } : {}),
      });
      await storeData(record.credentialId, state, data, { ...data, oauthTokenData: tokens }, { ...ctx, actor: { kind: 'user', id: record.userId } });
      return { credentialId: record.credentialId };
    },

    /** Ends a connect attempt the provider refused (the user denied): its state or request token can no longer be used. */
    async oauthAbandon(stateOrRequestToken: string): Promise<void> {
      const states = vault.collection<OAuthStateRecord>(VAULT.oauthStates);
      await states.delete(tokenHash(stateOrRequestToken));
    },

    /** Completes the OAuth1 flow: the approved request token and verifier become the stored token. */
    async oauth1Callback(requestToken: string, verifier: string, ctx: RequestContext): Promise<{ credentialId: string }> {
      const record = await takeState(requestToken, 'The OAuth1 request token is unknown or expired; start again', 'oauth_token');
      const { state, data } = await open(record.credentialId);
      const tokens = await finishOAuth1(data as unknown as OAuth1ApiData, { key: requestToken, secret: record.secret ?? '' }, verifier);
      await storeData(record.credentialId, state, data, { ...data, oauthTokenData: tokens }, { ...ctx, actor: { kind: 'user', id: record.userId } });
      return { credentialId: record.credentialId };
    },
  };
}
