// The access token a Google node sends: for a service account (`googleApi`) an RS256 JWT signed with
// its key and exchanged at Google's token endpoint (cached until shortly before it expires); for the
// OAuth2 types the token our OAuth2 flow stored on the credential.
import { createHash } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { send } from '../http-request/send.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TOKEN_LIFETIME_SECONDS = 3600;
/** A cached token is renewed this long before Google says it expires. */
const RENEW_MARGIN_MS = 60_000;
const TIMEOUT_MS = 60_000;

export const googleTokenUrl = () => `${serviceUrl('google-oauth2', 'https://oauth2.googleapis.com')}/token`;
/** The audience Google expects in the assertion: always its public token URL, wherever we post it. */
const TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';

const cache = new Map<string, { token: string; expiresAt: number }>();

/**
 * Keys pasted from the JSON file often carry literal `\n`, or lose their line breaks to spaces;
 * n8n accepts both, so the PEM body is re-wrapped between its markers.
 */
export function normalisePrivateKey(key: string): string {
  const text = key.replace(/\\n/g, '\n').trim();
  const pem = /^(-----BEGIN [A-Z ]+-----)([\s\S]*?)(-----END [A-Z ]+-----)$/.exec(text);
  if (!pem) return text;
  const body = pem[2].replace(/\s+/g, '');
  return `${pem[1]}\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n${pem[3]}\n`;
}

export interface ServiceAccount { email: string; privateKey: string; delegatedEmail?: string }

/** The signed assertion of RFC 7523 as Google's service-account flow wants it. */
export async function serviceAccountAssertion(account: ServiceAccount, scopes: readonly string[], nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  const key = await importPKCS8(normalisePrivateKey(account.privateKey), 'RS256');
  const email = account.email.trim();
  return new SignJWT({ scope: scopes.join(' ') })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(email)
    .setSubject(account.delegatedEmail?.trim() || email)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + TOKEN_LIFETIME_SECONDS)
    .sign(key);
}

/** A token that could not be had: `message` says which step failed, `detail` what Google or the key said. */
export class GoogleTokenError extends Error {
  constructor(readonly headline: string, readonly detail: string) {
    super(`${headline}: ${detail}`);
  }
}

/** Google's refusal: its `error` and `error_description` (never the assertion). */
function tokenRefusal(status: number, text: string): GoogleTokenError {
  let said = text.slice(0, 300);
  try {
    const body = JSON.parse(text) as JsonObject;
    said = [body.error, body.error_description].filter((part) => typeof part === 'string' && part).join(': ') || said;
  } catch { /* not JSON: keep the text */ }
  return new GoogleTokenError(`Google did not grant an access token (HTTP ${status})`, said);
}

export interface ExchangeOptions { signal: AbortSignal; blockPrivateNetworks: boolean; timeoutMs?: number }

/** Signs the assertion and trades it at the token endpoint (no node context: the credential test uses it too). */
export async function exchangeServiceAccountToken(transport: Dispatcher, account: ServiceAccount, scopes: readonly string[], options: ExchangeOptions): Promise<{ token: string; expiresIn: number }> {
  let assertion: string;
  try {
    assertion = await serviceAccountAssertion(account, scopes);
  } catch (error) {
    throw new GoogleTokenError('The service account private key could not be read', `Paste the private_key of the JSON key file (PKCS#8 PEM): ${(error as Error).message}`);
  }
  const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString();
  const response = await send(transport, { method: 'POST', url: googleTokenUrl(), headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body }, {
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS, followRedirects: false, maxRedirects: 0, signal: options.signal, blockPrivateNetworks: options.blockPrivateNetworks,
  });
  const text = response.body.toString('utf8');
  let answer: JsonObject = {};
  try {
    answer = JSON.parse(text) as JsonObject;
  } catch { /* judged below */ }
  if (response.statusCode >= 400 || typeof answer.access_token !== 'string') throw tokenRefusal(response.statusCode, text);
  const expiresIn = Number(answer.expires_in ?? TOKEN_LIFETIME_SECONDS);
  return { token: answer.access_token, expiresIn: Number.isFinite(expiresIn) ? expiresIn : TOKEN_LIFETIME_SECONDS };
}

/** A token for the service account, from the cache or a fresh exchange. */
export async function serviceAccountToken(ctx: ExecuteContext, transport: Dispatcher, account: ServiceAccount, scopes: readonly string[]): Promise<string> {
  const cacheKey = createHash('sha256').update(JSON.stringify([account.email.trim(), account.delegatedEmail ?? '', scopes, account.privateKey, googleTokenUrl()])).digest('hex');
  const cached = cache.get(cacheKey);
  if (cached && cached.expiresAt - RENEW_MARGIN_MS > Date.now()) return cached.token;
  try {
    const { token, expiresIn } = await exchangeServiceAccountToken(transport, account, scopes, { signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks });
    cache.set(cacheKey, { token, expiresAt: Date.now() + expiresIn * 1000 });
    return token;
  } catch (error) {
    // Google's words become the description; transport errors pass on as they are.
    if (error instanceof GoogleTokenError) throw new NodeOperationError(ctx.node.name, error.headline, { description: error.detail });
    throw error;
  }
}

/**
 * The Bearer token for the node's Google credential: `googleApi` (service account, with the
 * service's scopes) or an OAuth2 type such as `googleSheetsOAuth2Api`.
 */
export async function googleAccessToken(ctx: ExecuteContext, transport: Dispatcher, credentialType: string, scopes: readonly string[]): Promise<string> {
  const data = await ctx.credentials.get(credentialType);
  if (credentialType === 'googleApi') {
    return serviceAccountToken(ctx, transport, {
      email: String(data.email ?? ''), privateKey: String(data.privateKey ?? ''),
      delegatedEmail: typeof data.delegatedEmail === 'string' ? data.delegatedEmail : undefined,
    }, scopes);
  }
  const token = (data.oauthTokenData as JsonObject | undefined)?.access_token;
  if (typeof token !== 'string' || !token) {
    throw new NodeOperationError(ctx.node.name, 'The Google OAuth2 credential has no access token', { description: 'Connect the credential first' });
  }
  return token;
}

/** Forgets cached service-account tokens (tests that swap token endpoints). */
export function clearGoogleTokenCache(): void {
  cache.clear();
}
