// Credential types (n8n's names and fields) as plain descriptions, and the rules for their data:
// validation, redaction for the API, and merging a redacted view sent back on update. No I/O.
import { z } from 'zod';
import { ValidationError, type ErrorDetail } from './errors.ts';

export type CredentialFieldType = 'string' | 'number' | 'boolean' | 'options' | 'json';
export type CredentialFieldValue = string | number | boolean;

export interface CredentialField {
  name: string;
  displayName: string;
  type: CredentialFieldType;
  required: boolean;
  default?: CredentialFieldValue;
  /** Never returned by the API; encrypted at rest with the rest of the data. */
  secret: boolean;
  options?: readonly { name: string; value: string }[];
  description?: string;
  /** Written only by the server (OAuth2 tokens): user input can neither read nor set it. */
  serverManaged?: boolean;
  /** Shown, and then required if `required`, only when other fields hold one of these values (n8n's displayOptions.show). */
  showWhen?: Record<string, readonly CredentialFieldValue[]>;
  /** Extra string checks: `url` is an http(s) URL, `host` a host name or address without scheme or spaces. */
  format?: 'url' | 'host';
  /** Inclusive bounds for whole-number fields. */
  min?: number;
  max?: number;
  /** n8n's `hidden` property: always its default, never taken from user input (package types). */
  hidden?: boolean;
  /**
   * A hidden URL at a service's fixed address (Microsoft's sign-in endpoints): the default starts
   * with `base`, which `WEFT_<SERVICE>_API_URL` replaces, as for the nodes' API addresses (a proxy,
   * or a local stand-in in tests).
   */
  serviceBase?: { service: string; base: string };
}

export interface CredentialType {
  name: string;
  displayName: string;
  fields: readonly CredentialField[];
  /** Whether the server can check it by connecting (see server/credentials/credential-test.ts). */
  testable: boolean;
  /** Types it builds on (n8n's `extends`, e.g. ['oAuth2Api']); their fields come first. */
  extends?: readonly string[];
  /** The community package that brought it; absent for built-in types. */
  package?: string;
  documentationUrl?: string;
  /** How a request is signed with it (HTTP Request's predefined credential types). */
  authenticate?: CredentialAuthenticate;
}

/**
 * n8n's generic `authenticate`: values placed into the request's headers, query, body or basic
 * auth, each a literal or an `={{$credentials.field}}` template resolved against the credential.
 */
export interface CredentialAuthenticate {
  type: 'generic';
  properties: {
    headers?: Record<string, string>;
    qs?: Record<string, string>;
    body?: Record<string, string>;
    auth?: { username: string; password: string };
  };
}

/** n8n's most common signing: `Authorization: Bearer <the field's value>`. */
export function bearerAuthenticate(field: string): CredentialAuthenticate {
  return { type: 'generic', properties: { headers: { Authorization: `=Bearer {{$credentials.${field}}}` } } };
}

/** Stands in for a secret in everything the API returns; sent back unchanged, it keeps the stored value. */
export const REDACTED = '__weft_redacted__';

/** What the server stores in `oauthTokenData` after a token exchange; extra provider fields are kept. */
export const oauthTokenDataSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  token_type: z.string().optional(),
  /** Epoch milliseconds; absent when the provider gave no lifetime. */
  expires_at: z.number().optional(),
  scope: z.string().optional(),
});
export type OAuth2TokenData = z.infer<typeof oauthTokenDataSchema>;

/** The data of an `oAuth1Api` credential after parseCredentialData; the token once connected. */
export interface OAuth1ApiData {
  authUrl: string;
  accessTokenUrl: string;
  requestTokenUrl: string;
  consumerKey: string;
  consumerSecret: string;
  signatureMethod: 'HMAC-SHA1' | 'HMAC-SHA256' | 'HMAC-SHA512';
  oauthTokenData?: { oauth_token: string; oauth_token_secret: string; [key: string]: unknown };
}

/** The data of an `oAuth2Api` credential after parseCredentialData (defaults applied). */
export interface OAuth2ApiData {
  grantType: 'clientCredentials' | 'authorizationCode' | 'pkce';
  authUrl?: string;
  accessTokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  authQueryParameters: string;
  authentication: 'header' | 'body';
  oauthTokenData?: OAuth2TokenData;
}

type F = CredentialField;
/** Builders for credential fields, for the credential types here and beside the nodes. */
export const credentialField = {
  text: (name: string, displayName: string, more: Partial<F> = {}): F =>
    ({ name, displayName, type: 'string', required: false, secret: false, ...more }),
  secret: (name: string, displayName: string, more: Partial<F> = {}): F => credentialField.text(name, displayName, { secret: true, ...more }),
  port: (value: number): F =>
    ({ name: 'port', displayName: 'Port', type: 'number', required: true, default: value, secret: false, min: 1, max: 65535 }),
  host: (value?: string): F => credentialField.text('host', 'Host', { required: true, format: 'host', ...(value ? { default: value } : {}) }),
  choice: (name: string, displayName: string, values: string[], value: string): F => ({
    name, displayName, type: 'options', required: true, default: value, secret: false,
    options: values.map((v) => ({ name: v, value: v })),
  }),
  flag: (name: string, displayName: string, value: boolean): F =>
    ({ name, displayName, type: 'boolean', required: true, default: value, secret: false }),
};
const { text: str, secret, port, host, choice, flag } = credentialField;
const authCodeOnly = { showWhen: { grantType: ['authorizationCode', 'pkce'] } };

/** The types the vault itself needs; each node folder brings its own (its `.credentials.ts` modules). */
export const CREDENTIAL_TYPES: readonly CredentialType[] = [
  { name: 'oAuth2Api', displayName: 'OAuth2 API', testable: true, fields: [
    choice('grantType', 'Grant Type', ['authorizationCode', 'clientCredentials', 'pkce'], 'authorizationCode'),
    str('authUrl', 'Authorization URL', { required: true, format: 'url', ...authCodeOnly }),
    str('accessTokenUrl', 'Access Token URL', { required: true, format: 'url' }),
    str('clientId', 'Client ID', { required: true }),
    secret('clientSecret', 'Client Secret', { required: true }),
    str('scope', 'Scope', { default: '', description: 'Space-separated scopes' }),
    str('authQueryParameters', 'Auth URI Query Parameters', { default: '', description: 'e.g. access_type=offline', ...authCodeOnly }),
    choice('authentication', 'Authentication', ['header', 'body'], 'header'),
    { name: 'oauthTokenData', displayName: 'Token Data', type: 'json', required: false, secret: true, serverManaged: true },
  ] },
  // n8n's OAuth1 API: connected through a browser (RFC 5849's three legs); requests are signed.
  { name: 'oAuth1Api', displayName: 'OAuth1 API', testable: false, fields: [
    str('authUrl', 'Authorization URL', { required: true, format: 'url' }),
    str('accessTokenUrl', 'Access Token URL', { required: true, format: 'url' }),
    str('consumerKey', 'Consumer Key', { required: true }),
    secret('consumerSecret', 'Consumer Secret', { required: true }),
    str('requestTokenUrl', 'Request Token URL', { required: true, format: 'url' }),
    choice('signatureMethod', 'Signature Method', ['HMAC-SHA1', 'HMAC-SHA256', 'HMAC-SHA512'], 'HMAC-SHA1'),
    { name: 'oauthTokenData', displayName: 'Token Data', type: 'json', required: false, secret: true, serverManaged: true },
  ] },
  { name: 'postgres', displayName: 'Postgres', testable: true, fields: [
    host('localhost'), port(5432), str('database', 'Database', { required: true, default: 'postgres' }),
    str('user', 'User', { required: true, default: 'postgres' }), secret('password', 'Password'),
    choice('ssl', 'SSL', ['disable', 'allow', 'require'], 'disable'),
  ] },
  { name: 'mySql', displayName: 'MySQL', testable: true, fields: [
    host('localhost'), port(3306), str('database', 'Database', { required: true, default: 'mysql' }),
    str('user', 'User', { required: true, default: 'mysql' }), secret('password', 'Password'), flag('ssl', 'SSL', false),
  ] },
  { name: 'redis', displayName: 'Redis', testable: true, fields: [
    host('localhost'), port(6379), secret('password', 'Password'),
    { name: 'database', displayName: 'Database Number', type: 'number', required: true, default: 0, secret: false, min: 0, max: 65535 },
    str('user', 'User', { description: 'For Redis 6+ ACL users; leave empty for the default user' }),
  ] },
  { name: 'smtp', displayName: 'SMTP', testable: true, fields: [
    host(), port(465), flag('secure', 'SSL/TLS', true), str('user', 'User'), secret('password', 'Password'),
    flag('disableStartTls', 'Disable STARTTLS', false), str('hostName', 'Client Host Name', { description: 'The name this client gives in HELO/EHLO' }),
  ] },
  { name: 'genericApiKey', displayName: 'API Key', testable: false, fields: [
    secret('key', 'API Key', { required: true }), str('headerName', 'Header Name', { required: true, default: 'X-API-KEY' }),
  ] },
];

const byName = new Map(CREDENTIAL_TYPES.map((t) => [t.name, t]));
/** Types added at run time (community packages), by the package that brought them. */
const addedByOwner = new Map<string, CredentialType[]>();

export function getCredentialType(name: string): CredentialType | undefined {
  return byName.get(name);
}

/** Built-in types, then those added at run time. */
export function listCredentialTypes(): CredentialType[] {
  return [...CREDENTIAL_TYPES, ...[...addedByOwner.values()].flat()];
}

/**
 * Makes types known while their owner (a community package) is loaded; registering an owner
 * again replaces its types. A built-in name or another owner's name is refused.
 */
export function registerCredentialTypes(owner: string, types: readonly CredentialType[]): void {
  unregisterCredentialTypes(owner);
  for (const type of types) {
    if (byName.has(type.name)) throw new Error(`Credential type '${type.name}' is already known; package '${owner}' cannot replace it`);
  }
  addedByOwner.set(owner, [...types]);
  for (const type of types) {
    byName.set(type.name, type);
    schemas.set(type.name, buildSchema(type));
  }
}

/** Forgets an owner's types (stored credentials of those types stay, unusable until it is back). */
export function unregisterCredentialTypes(owner: string): boolean {
  const types = addedByOwner.get(owner);
  if (!types) return false;
  addedByOwner.delete(owner);
  for (const type of types) {
    byName.delete(type.name);
    schemas.delete(type.name);
  }
  return true;
}

/** Whether `name` is `base` or builds on it through `extends` (e.g. every OAuth2 type on 'oAuth2Api'). */
export function credentialTypeExtends(name: string, base: string, seen = new Set<string>()): boolean {
  if (name === base) return true;
  if (seen.has(name)) return false;
  seen.add(name);
  return (byName.get(name)?.extends ?? []).some((parent) => credentialTypeExtends(parent, base, seen));
}

function resolve(type: CredentialType | string): CredentialType {
  if (typeof type !== 'string') return type;
  const found = byName.get(type);
  if (!found) throw new ValidationError(`Unknown credential type '${type}'`, [{ path: 'type', message: `Known types: ${[...byName.keys()].join(', ')}` }]);
  return found;
}

/** `WEFT_<SERVICE>_API_URL` (service upper-cased, non-alphanumerics as `_`): points a service's fixed address elsewhere. */
export function serviceUrlVariable(service: string): string {
  return `WEFT_${service.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_URL`;
}

/**
 * The data as a run or an OAuth2 exchange uses it: hidden fields hold their type's default whatever
 * was stored (so a changed default applies to existing credentials), a `serviceBase` one pointed
 * where its variable in `env` says. Data of a type no longer known is returned as it is.
 */
export function withHiddenDefaults(typeName: string, data: Record<string, unknown>, env: Record<string, string | undefined>): Record<string, unknown> {
  const type = byName.get(typeName);
  const hidden = type?.fields.filter((f) => f.hidden && f.default !== undefined) ?? [];
  if (hidden.length === 0) return data;
  const out = { ...data };
  for (const field of hidden) {
    const base = field.serviceBase && env[serviceUrlVariable(field.serviceBase.service)]?.trim().replace(/\/+$/, '');
    const value = String(field.default);
    out[field.name] = base && field.serviceBase && value.startsWith(field.serviceBase.base) ? base + value.slice(field.serviceBase.base.length) : field.default;
  }
  return out;
}

export function secretFieldNames(type: CredentialType | string): string[] {
  return resolve(type).fields.filter((f) => f.secret || f.serverManaged).map((f) => f.name);
}

// Strings are capped so one credential cannot bloat the store; 64 KiB fits any PEM bundle.
const MAX_STRING = 65_536;
const HOST = /^[^\s/?#@]+$/;

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function fieldSchema(field: CredentialField): z.ZodType {
  const required = { error: (issue: { input?: unknown }) => (issue.input === undefined ? `${field.displayName} is required` : undefined) };
  switch (field.type) {
    case 'string': {
      let s = z.string(required).max(MAX_STRING);
      if (field.required && !field.showWhen) s = s.min(1, `${field.displayName} is required`);
      if (field.format === 'host') s = s.regex(HOST, 'Expected a host name or address, without scheme, path or spaces');
      // '' passes here so that a hidden URL field may be sent empty; presence is checked elsewhere.
      return field.format === 'url' ? s.refine((v) => v === '' || isHttpUrl(v), 'Expected an http(s) URL') : s;
    }
    case 'number': {
      let n = z.number(required).int();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return n;
    }
    case 'boolean':
      return z.boolean(required);
    case 'options':
      return z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]], required);
    case 'json':
      return field.name === 'oauthTokenData' ? oauthTokenDataSchema : z.record(z.string(), z.unknown());
  }
}

function isShown(field: CredentialField, data: Record<string, unknown>): boolean {
  return Object.entries(field.showWhen ?? {}).every(([other, values]) => values.includes(data[other] as CredentialFieldValue));
}

function buildSchema(type: CredentialType) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of type.fields) {
    const base = fieldSchema(field);
    // A field that is only sometimes shown is checked for presence in the refinement below.
    shape[field.name] = field.default !== undefined ? base.default(field.default)
      : field.required && !field.showWhen ? base : base.optional();
  }
  return z.strictObject(shape).superRefine((data, ctx) => {
    for (const field of type.fields) {
      if (field.required && field.showWhen && isShown(field, data) && (data[field.name] ?? '') === '') {
        ctx.addIssue({ code: 'custom', path: [field.name], message: `${field.displayName} is required` });
      }
    }
  });
}

const schemas = new Map(CREDENTIAL_TYPES.map((t) => [t.name, buildSchema(t)]));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function details(error: z.ZodError): ErrorDetail[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'Unknown field' }))
      : [{ path: issue.path.map(String).join('.') || undefined, message: issue.message }],
  );
}

/**
 * Validates credential data against its type: unknown fields rejected, defaults applied, the
 * REDACTED placeholder refused (it must have been merged away with mergeRedacted first).
 */
export function parseCredentialData(typeName: string, data: unknown): Record<string, unknown> {
  const type = resolve(typeName);
  if (!isPlainObject(data)) throw new ValidationError(`${type.displayName} credential data must be a JSON object`);
  const placeholders = Object.keys(data).filter((key) => data[key] === REDACTED);
  if (placeholders.length) {
    throw new ValidationError(`The ${type.displayName} credential has no stored value to keep`, placeholders.map((path) => ({
      path, message: 'The redacted placeholder can only be sent back for a secret that is already stored',
    })));
  }
  // Hidden fields (package types) always hold their type's default, whatever the input says.
  const hidden = type.fields.filter((f) => f.hidden).map((f) => f.name);
  const input = hidden.length ? Object.fromEntries(Object.entries(data).filter(([key]) => !hidden.includes(key))) : data;
  const parsed = schemas.get(type.name)!.safeParse(input);
  if (!parsed.success) throw new ValidationError(`The ${type.displayName} credential is not valid`, details(parsed.error));
  return parsed.data as Record<string, unknown>;
}

/** The view the API returns: every secret or server-managed field that is present becomes REDACTED. */
export function redactCredentialData(type: CredentialType | string, data: Record<string, unknown>): Record<string, unknown> {
  // A type no longer known (its package was removed) cannot say what is secret: hide everything.
  const known = typeof type !== 'string' || byName.has(type);
  const hidden = new Set(known ? secretFieldNames(type) : Object.keys(data));
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, hidden.has(key) && value !== undefined ? REDACTED : value]));
}

/**
 * Applies user input to the stored data: a secret sent as REDACTED keeps its previous value, and
 * server-managed fields always come from `previous` whatever the input says. Anything else in the
 * input is passed on as is for parseCredentialData to judge.
 */
export function mergeRedacted(type: CredentialType | string, previous: Record<string, unknown>, incoming: unknown): unknown {
  const t = resolve(type);
  if (!isPlainObject(incoming)) return incoming;
  const fields = new Map(t.fields.map((f) => [f.name, f]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(incoming)) {
    const field = fields.get(key);
    if (field?.serverManaged || field?.hidden) continue;
    if (field?.secret && value === REDACTED) {
      if (Object.hasOwn(previous, key)) out[key] = previous[key];
      continue; // nothing stored to keep: leave it out so a required secret is reported as missing
    }
    out[key] = value;
  }
  for (const field of t.fields) {
    if (field.serverManaged && Object.hasOwn(previous, field.name)) out[field.name] = previous[field.name];
  }
  return out;
}

/** The one call for user input (create: no previous; update: the stored data). */
export function applyCredentialInput(typeName: string, incoming: unknown, previous: Record<string, unknown> = {}): Record<string, unknown> {
  return parseCredentialData(typeName, mergeRedacted(typeName, previous, incoming));
}

/** A credential type's name for people ("Basic Auth"); the type name when the type is not known here. */
export function credentialDisplayName(type: string): string {
  return getCredentialType(type)?.displayName ?? type;
}
