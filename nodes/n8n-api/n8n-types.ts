// The n8n-shaped types the n8n compatibility layer works with: what a community package's node
// classes, credential classes and request options look like. Modelled on n8n's public interfaces
// (INodeTypeDescription, ICredentialType, IHttpRequestOptions), reduced to what Weft reads; fields
// Weft does not interpret stay reachable through the index signatures, so nothing a package sets
// is lost on the way to the declarative runner or the credential authenticator.

/** A value or an `={{ }}` expression string, as n8n descriptions allow almost everywhere. */
export type N8nMaybeExpression<T> = T | string;

/** One parameter of a node or credential (n8n's INodeProperties). */
export interface N8nNodeProperty {
  displayName: string;
  name: string;
  type: string;
  default: unknown;
  description?: string;
  required?: boolean;
  displayOptions?: { show?: Record<string, unknown[]>; hide?: Record<string, unknown[]> };
  options?: unknown[];
  typeOptions?: Record<string, unknown>;
  placeholder?: string;
  noDataExpression?: boolean;
  /** Declarative nodes: how this parameter shapes the request. */
  routing?: Record<string, unknown>;
  /** Resource locator modes (type 'resourceLocator'). */
  modes?: Array<{ name: string; displayName?: string; type?: string; extractValue?: N8nExtractValue; [key: string]: unknown }>;
  extractValue?: N8nExtractValue;
  [key: string]: unknown;
}

/** n8n's resource-locator extractValue rule: a regex whose first group is the value. */
export interface N8nExtractValue {
  type: 'regex';
  regex: string | RegExp;
}

/** An input or output entry: a connection type name or an object naming it. */
export type N8nConnection = string | { type: string; displayName?: string; required?: boolean; maxConnections?: number; [key: string]: unknown };

/** The credentials a node declares (n8n's INodeCredentialDescription). */
export interface N8nNodeCredentialDescription {
  name: string;
  required?: boolean;
  displayName?: string;
  displayOptions?: { show?: Record<string, unknown[]>; hide?: Record<string, unknown[]> };
  [key: string]: unknown;
}

/** n8n's INodeTypeDescription. */
export interface N8nNodeDescription {
  displayName: string;
  name: string;
  group: string[];
  version: number | number[];
  defaultVersion?: number;
  description: string;
  subtitle?: string;
  icon?: string | { light: string; dark: string };
  iconUrl?: string | { light: string; dark: string };
  defaults: { name: string; color?: string };
  inputs: N8nConnection[] | string;
  outputs: N8nConnection[] | string;
  outputNames?: string[];
  credentials?: N8nNodeCredentialDescription[];
  properties: N8nNodeProperty[];
  /** Declarative nodes: request shape shared by every operation. */
  requestDefaults?: N8nHttpRequestOptions;
  /** Declarative nodes: node-level routing. */
  routing?: Record<string, unknown>;
  polling?: boolean;
  webhooks?: unknown[];
  usableAsTool?: boolean;
  [key: string]: unknown;
}

export type N8nHttpMethod = 'DELETE' | 'GET' | 'HEAD' | 'OPTIONS' | 'PATCH' | 'POST' | 'PUT';

/** n8n's IHttpRequestOptions: what `helpers.httpRequest` accepts. */
export interface N8nHttpRequestOptions {
  url: string;
  baseURL?: string;
  method?: N8nHttpMethod;
  headers?: Record<string, unknown>;
  body?: unknown;
  qs?: Record<string, unknown>;
  arrayFormat?: 'indices' | 'brackets' | 'repeat' | 'comma';
  auth?: { username: string; password: string; sendImmediately?: boolean };
  disableFollowRedirect?: boolean;
  encoding?: 'arraybuffer' | 'blob' | 'document' | 'json' | 'text' | 'stream';
  skipSslCertificateValidation?: boolean;
  returnFullResponse?: boolean;
  ignoreHttpStatusErrors?: boolean;
  proxy?: unknown;
  timeout?: number;
  json?: boolean;
  abortSignal?: AbortSignal;
  [key: string]: unknown;
}

/** n8n's IAuthenticate: how a credential type signs a request ('generic' puts values in places). */
export type N8nAuthenticate =
  | {
      type: 'generic';
      properties: {
        headers?: Record<string, string>;
        qs?: Record<string, string>;
        body?: Record<string, unknown>;
        auth?: { username: string; password: string };
      };
    }
  | ((credentials: Record<string, unknown>, request: N8nHttpRequestOptions) => Promise<N8nHttpRequestOptions>);

/** n8n's ICredentialTestRequest. */
export interface N8nCredentialTestRequest {
  request: Partial<N8nHttpRequestOptions>;
  rules?: unknown[];
}

/** n8n's ICredentialType: a credential class instance from a package. */
export interface N8nCredentialType {
  name: string;
  displayName: string;
  icon?: string | { light: string; dark: string };
  documentationUrl?: string;
  extends?: string[];
  properties: N8nNodeProperty[];
  authenticate?: N8nAuthenticate;
  preAuthentication?: (this: unknown, credentials: Record<string, unknown>) => Promise<Record<string, unknown>>;
  test?: N8nCredentialTestRequest;
  genericAuth?: boolean;
  [key: string]: unknown;
}

/** The node class instance a package exports (n8n's INodeType), programmatic or declarative. */
export interface N8nNodeTypeInstance {
  description: N8nNodeDescription;
  execute?: (this: unknown) => Promise<unknown>;
  poll?: (this: unknown) => Promise<unknown>;
  trigger?: (this: unknown) => Promise<unknown>;
  webhook?: (this: unknown) => Promise<unknown>;
  supplyData?: (this: unknown, itemIndex: number) => Promise<unknown>;
  methods?: Record<string, unknown>;
  webhookMethods?: Record<string, unknown>;
  [key: string]: unknown;
}

/** n8n's VersionedNodeType: one class holding a node per version. */
export interface N8nVersionedNodeType {
  description: { name: string; displayName: string; defaultVersion?: number; [key: string]: unknown };
  nodeVersions: Record<number, N8nNodeTypeInstance>;
  currentVersion?: number;
  [key: string]: unknown;
}
