// A small OAuth2 client (RFC 6749) for `oAuth2Api` credentials: authorization code and client
// credentials grants, refresh, and "give me a usable access token". Uses the global fetch.
import { createHash, randomBytes } from 'node:crypto';
import {
  AppError, UnavailableError, ValidationError, type OAuth2ApiData, type OAuth2TokenData,
} from '../../domain/index.ts';
import { scrubSecrets } from './scrub.ts';

/** A token this close to expiry is renewed before use, so it cannot lapse mid-request. */
export const REFRESH_MARGIN_MS = 60_000;
const TIMEOUT_MS = 10_000;
/** Token responses are small; anything bigger is not a token endpoint. */
const MAX_RESPONSE_BYTES = 1_000_000;

type ClientData = Pick<OAuth2ApiData, 'accessTokenUrl' | 'clientId' | 'clientSecret' | 'authentication' | 'scope'> &
  Partial<Pick<OAuth2ApiData, 'oauthTokenData'>>;

/** The normalised token: always a token type, and an absolute expiry instead of `expires_in`. */
export type TokenData = OAuth2TokenData & { token_type: string };

function secretsOf(data: ClientData, extra: (string | undefined)[] = []): string[] {
  return [data.clientSecret, data.oauthTokenData?.access_token, data.oauthTokenData?.refresh_token, ...extra].filter((s): s is string => !!s);
}

function parseBody(text: string, contentType: string | null): Record<string, unknown> {
  // Some providers (GitHub without Accept) answer form-encoded even when JSON is asked for.
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function providerError(status: number, body: Record<string, unknown>, secrets: string[]): AppError {
  const code = typeof body.error === 'string' ? body.error : undefined;
  const description = typeof body.error_description === 'string' ? body.error_description : undefined;
  const said = scrubSecrets([code, description].filter(Boolean).join(': ') || 'no error description', secrets).slice(0, 300);
  // 5xx and 429 say nothing about the credential: trying later may work. Anything else will not.
  if (status >= 500 || status === 429) return new UnavailableError(`The OAuth2 provider failed (HTTP ${status}): ${said}`);
  return new ValidationError(`The OAuth2 provider refused the request${status >= 400 ? ` (HTTP ${status})` : ''}: ${said}`);
}

function normalise(body: Record<string, unknown>, sentAt: number, previous?: OAuth2TokenData): TokenData {
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw new ValidationError('The OAuth2 token endpoint answered without an access_token; check the Access Token URL');
  }
  const expiresIn = Number(body.expires_in);
  const refresh = typeof body.refresh_token === 'string' && body.refresh_token ? body.refresh_token : previous?.refresh_token;
  return {
    access_token: body.access_token,
    token_type: typeof body.token_type === 'string' && body.token_type ? body.token_type : 'Bearer',
    ...(refresh ? { refresh_token: refresh } : {}),
    ...(body.expires_in !== undefined && Number.isFinite(expiresIn) ? { expires_at: sentAt + expiresIn * 1000 } : {}),
    ...(typeof body.scope === 'string' ? { scope: body.scope } : {}),
  };
}

async function tokenRequest(data: ClientData, params: Record<string, string>, secrets: string[]): Promise<TokenData> {
  const body = new URLSearchParams(params);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (data.authentication === 'body') {
    body.set('client_id', data.clientId);
    body.set('client_secret', data.clientSecret);
  } else {
    // Not form-encoded first (RFC 6749 §2.3.1 says it should be): n8n does not, and providers that
    // skip decoding would reject base64-looking secrets containing '+' or '/'.
    headers.authorization = `Basic ${Buffer.from(`${data.clientId}:${data.clientSecret}`).toString('base64')}`;
  }
  const where = safeOrigin(data.accessTokenUrl);
  let response: Response;
  let text: string;
  // Expiry counts from when the request left, so network delay can only make us renew early.
  const sentAt = Date.now();
  try {
    // No redirects: following one could hand the client secret to another host.
    response = await fetch(data.accessTokenUrl, { method: 'POST', headers, body, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
    text = await response.text();
  } catch (error) {
    throw new UnavailableError(`Could not reach the OAuth2 token endpoint at ${where}: ${describeFetchError(error)}`);
  }
  if (text.length > MAX_RESPONSE_BYTES) throw new ValidationError(`The OAuth2 token endpoint at ${where} answered with an oversized body`);
  const parsed = parseBody(text, response.headers.get('content-type'));
  if (!response.ok || parsed.error !== undefined) throw providerError(response.status, parsed, secrets);
  return normalise(parsed, sentAt, data.oauthTokenData);
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new ValidationError('The OAuth2 URL is not valid', [{ path: 'accessTokenUrl', message: 'Expected an http(s) URL' }]);
  }
}

/** fetch() reports everything as "fetch failed"; the useful part (ECONNREFUSED, timeout) is in `cause`. */
export function describeFetchError(error: unknown): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(error);
}

/** Client credentials grant: the application's own token, no user involved. */
export function clientCredentialsToken(data: ClientData): Promise<TokenData> {
  return tokenRequest(data, { grant_type: 'client_credentials', ...(data.scope ? { scope: data.scope } : {}) }, secretsOf(data));
}

/** PKCE (RFC 7636): a fresh verifier for one authorization, and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * Where to send the user's browser to grant access (authorization code and PKCE grants); with
 * PKCE the challenge of the verifier the caller keeps for the exchange.
 */
export function authorizationUrl(data: OAuth2ApiData, { redirectUri, state, codeChallenge }: { redirectUri: string; state: string; codeChallenge?: string }): string {
  if (!data.authUrl) throw new ValidationError('The credential has no Authorization URL', [{ path: 'authUrl', message: 'Required for the authorization code grant' }]);
  const url = new URL(data.authUrl);
  const extra = new URLSearchParams(data.authQueryParameters.replace(/^\?/, ''));
  // Extra parameters may add (access_type, prompt) but never replace the ones the flow relies on.
  const fixed = {
    response_type: 'code', client_id: data.clientId, redirect_uri: redirectUri, state, ...(data.scope ? { scope: data.scope } : {}),
    ...(codeChallenge ? { code_challenge: codeChallenge, code_challenge_method: 'S256' } : {}),
  };
  for (const [key, value] of extra) if (!(key in fixed)) url.searchParams.append(key, value);
  for (const [key, value] of Object.entries(fixed)) url.searchParams.set(key, value);
  return url.toString();
}

/** Trades the code from the redirect (and, with PKCE, the verifier) for tokens. */
export function exchangeCode(data: ClientData, { code, redirectUri, codeVerifier }: { code: string; redirectUri: string; codeVerifier?: string }): Promise<TokenData> {
  const params = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...(codeVerifier ? { code_verifier: codeVerifier } : {}) };
  return tokenRequest(data, params, secretsOf(data, [code, codeVerifier]));
}

/** Renews the access token; a provider that issues no new refresh token lets the old one live on. */
export function refreshToken(data: ClientData): Promise<TokenData> {
  const refresh = data.oauthTokenData?.refresh_token;
  if (!refresh) throw new ValidationError('The OAuth2 credential has no refresh token; connect the account again');
  return tokenRequest(data, { grant_type: 'refresh_token', refresh_token: refresh }, secretsOf(data));
}

/**
 * An access token that is good for at least REFRESH_MARGIN_MS, renewing it if needed; `force`
 * renews it whatever its expiry says (the service refused it: revoked, or expired early). When
 * `updatedTokenData` is returned the caller must store it (refresh tokens may rotate).
 */
export async function ensureAccessToken(
  data: ClientData & Pick<OAuth2ApiData, 'grantType'>,
  now: number = Date.now(),
  { force = false }: { force?: boolean } = {},
): Promise<{ accessToken: string; updatedTokenData?: TokenData }> {
  const token = data.oauthTokenData;
  if (!force && token?.access_token && (token.expires_at === undefined || token.expires_at - now > REFRESH_MARGIN_MS)) {
    return { accessToken: token.access_token };
  }
  let updated: TokenData;
  if (data.grantType === 'clientCredentials') updated = await clientCredentialsToken(data);
  else if (token?.refresh_token) updated = await refreshToken(data);
  else if (token && force) throw new ValidationError('The service refused the OAuth2 access token and no refresh token was issued; connect the account again');
  else if (token) throw new ValidationError('The OAuth2 access token has expired and no refresh token was issued; connect the account again');
  else throw new ValidationError('The OAuth2 account is not connected yet');
  return { accessToken: updated.access_token, updatedTokenData: updated };
}
