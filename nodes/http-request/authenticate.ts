// HTTP Request's authentication: the generic types it knows itself (basic, header, query, bearer,
// custom JSON, OAuth2), and "Predefined Credential Type": any credential type that says how it signs
// a request (n8n's generic `authenticate`), every OAuth2 type (the access token as a Bearer header),
// and the types community packages bring with their own `authenticate`. Which ones qualify is n8n's
// rule for the node's credential list: extends oAuth2Api or oAuth1Api, or has authenticate.
import { credentialTypeExtends, getCredentialType, listCredentialTypes } from '../../domain/index.ts';
import { NodeOperationError, type ExecuteContext, type JsonObject, type LoadedOption } from '../../engine/index.ts';
import { authenticateRequest, createCredentialEvaluator, registeredN8nCredentialType, type N8nCredentialType } from '../n8n-api/index.ts';
import { oauth1Authorization, type OAuth1Keys } from '../shared/oauth1.ts';
import { toSpec, type BuiltRequest } from './build-request.ts';


function signingType(name: string): N8nCredentialType | undefined {
  const community = registeredN8nCredentialType(name);
  if (community?.authenticate || (community && credentialTypeExtends(name, 'oAuth2Api'))) return community;
  const builtIn = getCredentialType(name);
  if (!builtIn || (!builtIn.authenticate && !credentialTypeExtends(name, 'oAuth2Api'))) return undefined;
  return { name, displayName: builtIn.displayName, properties: [], extends: [...(builtIn.extends ?? [])], ...(builtIn.authenticate ? { authenticate: builtIn.authenticate } : {}) };
}

/** Whether HTTP Request can sign with this type (the editor lists only these). */
export function canSignWith(name: string): boolean {
  return signingType(name) !== undefined || credentialTypeExtends(name, 'oAuth1Api');
}

function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  headers[name] = value;
}

/** The credential type the node signs with, undefined for none. */
function signingTypeOf(ctx: ExecuteContext, i: number): string | undefined {
  const mode = String(ctx.getNodeParameter('authentication', i, 'none'));
  if (mode === 'none') return undefined;
  return String(ctx.getNodeParameter(mode === 'genericCredentialType' ? 'genericAuthType' : 'nodeCredentialType', i, ''));
}

/** Adds the credential's authentication to the request. */
export async function authenticate(ctx: ExecuteContext, i: number, request: BuiltRequest): Promise<void> {
  const type = signingTypeOf(ctx, i);
  if (type === undefined) return;
  await sign(ctx, i, type, await ctx.credentials.get(type), request);
}

/**
 * After a 401 (n8n's refresh-and-retry): renews the OAuth2 token the request is signed with and
 * signs it again, for the caller to send once more. False when no OAuth2 credential signs it.
 */
export async function reauthenticateOAuth2(ctx: ExecuteContext, i: number, request: BuiltRequest): Promise<boolean> {
  const type = signingTypeOf(ctx, i);
  if (type === undefined || !credentialTypeExtends(type, 'oAuth2Api')) return false;
  await sign(ctx, i, type, await ctx.credentials.get(type, { refreshOAuth2Token: true }), request);
  return true;
}

async function sign(ctx: ExecuteContext, i: number, type: string, data: Record<string, unknown>, request: BuiltRequest): Promise<void> {
  switch (type) {
    case 'httpBasicAuth':
      request.headers.authorization = `Basic ${Buffer.from(`${String(data.user ?? '')}:${String(data.password ?? '')}`).toString('base64')}`;
      return;
    case 'httpHeaderAuth':
      request.headers[String(data.name).toLowerCase()] = String(data.value ?? '');
      return;
    case 'httpQueryAuth':
      request.query = { ...request.query, [String(data.name)]: String(data.value ?? '') };
      return;
    case 'httpBearerAuth':
      request.headers.authorization = `Bearer ${String(data.token ?? '')}`;
      return;
    case 'oAuth2Api': {
      const token = (data.oauthTokenData as JsonObject | undefined)?.access_token;
      if (typeof token !== 'string' || !token) {
        throw new NodeOperationError(ctx.node.name, 'The OAuth2 credential has no access token', { description: 'Connect the credential first', itemIndex: i });
      }
      request.headers.authorization = `Bearer ${token}`;
      return;
    }
    case 'httpCustomAuth':
      applyCustomAuth(ctx, i, data, request);
      return;
    default:
      if (credentialTypeExtends(type, 'oAuth1Api')) signWithOAuth1(ctx, i, data, request);
      else await signWithCredentialType(ctx, i, type, data, request);
  }
}

/**
 * OAuth 1.0a: the signature covers the URL with its query and a form body's fields, so it is made
 * from the request as it will be sent. (A paginated request keeps the first page's signature.)
 */
function signWithOAuth1(ctx: ExecuteContext, i: number, data: Record<string, unknown>, request: BuiltRequest): void {
  const token = data.oauthTokenData as { oauth_token?: unknown; oauth_token_secret?: unknown } | undefined;
  if (typeof token?.oauth_token !== 'string' || typeof token.oauth_token_secret !== 'string') {
    throw new NodeOperationError(ctx.node.name, 'The OAuth1 credential is not connected yet', { description: 'Connect the account first', itemIndex: i });
  }
  const spec = toSpec(request);
  const form = request.body?.kind === 'form' && typeof spec.body === 'string' ? Object.fromEntries(new URLSearchParams(spec.body)) : undefined;
  setHeader(request.headers, 'authorization', oauth1Authorization({
    consumerKey: String(data.consumerKey ?? ''), consumerSecret: String(data.consumerSecret ?? ''),
    signatureMethod: data.signatureMethod as OAuth1Keys['signatureMethod'],
    token: { key: token.oauth_token, secret: token.oauth_token_secret },
  }, { method: request.method, url: spec.url, ...(form ? { form } : {}) }));
}

/**
 * n8n's Custom Auth: a JSON object whose `headers`, `qs` and `body` are merged into the request
 * (the body only into a JSON or form body, or as the JSON body when there is none).
 */
function applyCustomAuth(ctx: ExecuteContext, i: number, data: Record<string, unknown>, request: BuiltRequest): void {
  let custom: { headers?: JsonObject; qs?: JsonObject; body?: JsonObject };
  try {
    custom = typeof data.json === 'string' ? JSON.parse(data.json) : (data.json as typeof custom) ?? {};
  } catch {
    throw new NodeOperationError(ctx.node.name, 'The Custom Auth credential is not valid JSON', { itemIndex: i });
  }
  for (const [name, value] of Object.entries(custom.headers ?? {})) setHeader(request.headers, name, String(value));
  if (custom.qs) request.query = { ...request.query, ...custom.qs };
  if (custom.body) mergeBody(request, custom.body);
}

function mergeBody(request: BuiltRequest, fields: JsonObject): void {
  const body = request.body;
  if (!body) request.body = { kind: 'json', value: fields };
  else if (body.kind === 'json' && body.value !== null && typeof body.value === 'object' && !Array.isArray(body.value)) body.value = { ...(body.value as JsonObject), ...fields };
  else if (body.kind === 'form') body.fields = { ...body.fields, ...fields };
}

/** Signs `request` in place with a credential of `type` (its data already decrypted). */
export async function signWithCredentialType(ctx: ExecuteContext, i: number, type: string, data: Record<string, unknown>, request: BuiltRequest): Promise<void> {
  const credentialType = signingType(type);
  if (!credentialType) {
    throw new NodeOperationError(ctx.node.name, `The credential type '${type || '(none chosen)'}' cannot sign HTTP requests`, {
      description: 'Choose a credential type that HTTP Request lists, or a generic one', itemIndex: i,
    });
  }
  const evaluator = createCredentialEvaluator();
  try {
    const signed = await authenticateRequest(credentialType, data, {
      url: request.url, method: request.method as never, headers: {}, qs: {},
    }, evaluator);
    for (const [name, value] of Object.entries(signed.headers ?? {})) setHeader(request.headers, name, String(value));
    if (signed.qs && Object.keys(signed.qs).length) request.query = { ...request.query, ...(signed.qs as JsonObject) };
    if (signed.auth) setHeader(request.headers, 'authorization', `Basic ${Buffer.from(`${signed.auth.username}:${signed.auth.password}`).toString('base64')}`);
    if (signed.body !== null && typeof signed.body === 'object') mergeBody(request, signed.body as JsonObject);
  } finally {
    evaluator.dispose();
  }
}

/** The editor's list for "Credential Type": every type HTTP Request can sign with, by name. */
export async function predefinedCredentialTypes(): Promise<LoadedOption[]> {
  return listCredentialTypes()
    .filter((type) => type.name !== 'oAuth2Api' && type.name !== 'oAuth1Api' && canSignWith(type.name))
    .map((type) => ({ name: type.displayName, value: type.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
