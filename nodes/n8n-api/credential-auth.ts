// n8n credential types at run time: `authenticate` (the generic kind that places resolved
// `={{$credentials.x}}` values into headers, qs, body or basic auth, and the function kind) and
// `test` (building the check request and judging its response by the type's rules).
import type { N8nCredentialType, N8nHttpRequestOptions } from './n8n-types.ts';

/** Resolves one expression string against a credential's data (the caller brings the evaluator). */
export interface CredentialEvaluateContext {
  evaluate(expr: string, credentials: Record<string, unknown>): unknown;
}

/** Resolves every '='-string in a value, walking objects and arrays; other values stay. */
export function resolveCredentialValue(value: unknown, credentials: Record<string, unknown>, ctx: CredentialEvaluateContext): unknown {
  if (typeof value === 'string') return value.startsWith('=') ? ctx.evaluate(value, credentials) : value;
  if (Array.isArray(value)) return value.map((v) => resolveCredentialValue(v, credentials, ctx));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveCredentialValue(v, credentials, ctx)]));
  }
  return value;
}

/** Signs a request the way the credential type says; a type without `authenticate` leaves it as is. */
export async function authenticateRequest(
  credentialType: N8nCredentialType | undefined,
  credentials: Record<string, unknown>,
  request: N8nHttpRequestOptions,
  ctx: CredentialEvaluateContext,
): Promise<N8nHttpRequestOptions> {
  const authenticate = credentialType?.authenticate;
  if (!authenticate) {
    // OAuth2 types (extends oAuth2Api) sign with the access token the vault keeps fresh.
    const token = (credentials.oauthTokenData as { access_token?: unknown } | undefined)?.access_token;
    if (credentialType?.extends?.length && typeof token === 'string') return { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } };
    return request;
  }
  if (typeof authenticate === 'function') {
    // Packages' functions may change the object they get; hand them a copy of the nesting they touch.
    const copy: N8nHttpRequestOptions = { ...request, headers: { ...request.headers }, qs: { ...request.qs } };
    return (await authenticate(credentials, copy)) ?? copy;
  }
  if (authenticate.type !== 'generic') return request;
  const out: N8nHttpRequestOptions = { ...request };
  const { headers, qs, body, auth } = authenticate.properties ?? {};
  if (headers) out.headers = { ...request.headers, ...(resolveCredentialValue(headers, credentials, ctx) as object) };
  if (qs) out.qs = { ...request.qs, ...(resolveCredentialValue(qs, credentials, ctx) as object) };
  if (body) {
    const resolved = resolveCredentialValue(body, credentials, ctx) as Record<string, unknown>;
    const current = request.body;
    // A body that is not an object (text, buffer, form) cannot take fields; n8n leaves it too.
    if (current === undefined || current === null || current === '') out.body = resolved;
    else if (typeof current === 'object' && !Buffer.isBuffer(current)) out.body = { ...(current as object), ...resolved };
  }
  if (auth) {
    const resolved = resolveCredentialValue(auth, credentials, ctx) as { username?: unknown; password?: unknown };
    out.auth = { username: String(resolved.username ?? ''), password: String(resolved.password ?? '') };
  }
  return out;
}

/** One of n8n's credential test rules (ICredentialTestRequest.rules). */
export type CredentialTestRule =
  | { type: 'responseCode'; properties: { value: number; message: string } }
  | { type: 'responseSuccessBody'; properties: { key: string; value: unknown; message: string } };

/**
 * The request a credential type's `test` describes, resolved against the credential's data and
 * signed by its `authenticate`; undefined when the type has no test request. Status errors are
 * not thrown (returnFullResponse, ignoreHttpStatusErrors) so `judgeCredentialTest` sees them.
 */
export async function credentialTestRequest(
  credentialType: N8nCredentialType,
  credentials: Record<string, unknown>,
  ctx: CredentialEvaluateContext,
): Promise<{ request: N8nHttpRequestOptions; rules: CredentialTestRule[] } | undefined> {
  const test = credentialType.test;
  if (!test?.request) return undefined;
  const resolved = resolveCredentialValue(test.request, credentials, ctx) as Partial<N8nHttpRequestOptions>;
  const base: N8nHttpRequestOptions = {
    ...resolved,
    url: typeof resolved.url === 'string' ? resolved.url : '',
    method: resolved.method ?? 'GET',
    returnFullResponse: true,
    ignoreHttpStatusErrors: true,
  };
  const request = await authenticateRequest(credentialType, credentials, base, ctx);
  return { request, rules: (test.rules ?? []) as CredentialTestRule[] };
}

export interface CredentialTestResult {
  status: 'OK' | 'Error';
  message: string;
}

function valueAt(body: unknown, path: string): unknown {
  let cur: unknown = body;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Judges a test response: a matching rule fails it with its message; any status >= 400 fails it too. */
export function judgeCredentialTest(rules: CredentialTestRule[], response: { statusCode: number; body: unknown }): CredentialTestResult {
  for (const rule of rules) {
    if (rule.type === 'responseCode' && response.statusCode === rule.properties.value) {
      return { status: 'Error', message: rule.properties.message };
    }
    if (rule.type === 'responseSuccessBody' && valueAt(response.body, rule.properties.key) === rule.properties.value) {
      return { status: 'Error', message: rule.properties.message };
    }
  }
  if (response.statusCode >= 400) {
    const auth = response.statusCode === 401 || response.statusCode === 403;
    return {
      status: 'Error',
      message: auth ? 'Authorization failed - please check your credentials' : `The service answered with status ${response.statusCode}`,
    };
  }
  return { status: 'OK', message: 'Connection successful!' };
}
