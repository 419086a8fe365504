// Calls to Jira's REST API (`{domain}/rest/api/2|3/…`) as n8n's Jira node makes them: Basic auth
// with email and API token (Cloud) or password (Server), or a Bearer personal access token
// (Server PAT); JSON with `X-Atlassian-Token: no-check`; `startAt`/`maxResults` paging until
// `total`; Jira's `errorMessages`/`errors` bodies become node errors saying what Jira said; a 429
// is waited out (Retry-After) a few times.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';

const TIMEOUT_MS = 300_000;

export type JiraVersion = 'cloud' | 'server' | 'serverPat';
export const CREDENTIAL_OF: Record<JiraVersion, string> = { cloud: 'jiraSoftwareCloudApi', server: 'jiraSoftwareServerApi', serverPat: 'jiraSoftwareServerPatApi' };

export interface JiraSite { domain: string; authorization: string }

/** The site and Authorization header of a credential of the given kind. */
export function jiraSite(version: JiraVersion, data: Record<string, unknown>): JiraSite {
  const domain = String(data.domain ?? '').replace(/\/+$/, '');
  if (version === 'serverPat') return { domain, authorization: `Bearer ${String(data.personalAccessToken ?? '')}` };
  const secret = version === 'server' ? data.password : data.apiToken;
  return { domain, authorization: `Basic ${Buffer.from(`${String(data.email ?? '')}:${String(secret ?? '')}`).toString('base64')}` };
}

/** What Jira said: its errorMessages and field errors joined. */
export function jiraSaid(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as JsonObject;
    const parts = [...((body.errorMessages as string[] | undefined) ?? []), ...Object.entries((body.errors ?? {}) as JsonObject).map(([k, v]) => `${k}: ${String(v)}`)];
    if (parts.length) return parts.join('; ');
    if (typeof body.message === 'string') return body.message;
  } catch { /* not JSON */ }
  return text.trim() ? text.slice(0, 300) : undefined;
}

export interface JiraRequest { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path?: string; url?: string; body?: JsonObject; query?: JsonObject; multipart?: { body: Buffer; contentType: string }; raw?: boolean }

export interface JiraClient {
  version: JiraVersion;
  request(request: JiraRequest, itemIndex?: number): Promise<any>;
  requestAll(property: string, request: JiraRequest, itemIndex?: number): Promise<JsonObject[]>;
  close(): Promise<void>;
}

export function jiraClient(ctx: ExecuteContext): JiraClient {
  const version = param(ctx, 'jiraVersion', 0, 'cloud') as JiraVersion;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  let site: Promise<JiraSite> | undefined;

  async function request(req: JiraRequest, itemIndex = 0): Promise<any> {
    const { domain, authorization } = await (site ??= ctx.credentials.get(CREDENTIAL_OF[version]).then((data) => jiraSite(version, data)));
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query ?? {})) if (value !== undefined && value !== null) params.append(key, String(value));
    const search = params.toString();
    const headers: Record<string, string> = { authorization, accept: 'application/json', 'x-atlassian-token': 'no-check' };
    let body: Buffer | string | undefined;
    if (req.multipart) {
      headers['content-type'] = req.multipart.contentType;
      body = req.multipart.body;
    } else if (req.body && Object.keys(req.body).length) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    const url = (req.url ?? `${domain}/rest${req.path ?? ''}`) + (search ? `?${search}` : '');
    let response;
    try {
      response = await sendWaitingOutRateLimits(transport, { method: req.method, url, headers, ...(body !== undefined ? { body } : {}) },
        { timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx });
    } catch (error) {
      throw serviceCallError(ctx.node.name, error, itemIndex);
    }
    const text = response.body.toString('utf8');
    if (response.statusCode >= 400) {
      const said = jiraSaid(text);
      const message = said?.includes("Field 'priority' cannot be set")
        ? "Field 'priority' cannot be set. You need to add the Priority field to your Jira Project's Issue Types."
        : apiStatusMessage(response.statusCode);
      throw new NodeOperationError(ctx.node.name, message, { itemIndex, ...(said ? { description: said } : {}) });
    }
    if (req.raw) return response.body;
    try {
      return text.trim() ? JSON.parse(text) : {};
    } catch {
      return { data: text };
    }
  }

  return {
    version,
    request,
    async requestAll(property, base, itemIndex = 0) {
      const all: JsonObject[] = [];
      const query: JsonObject = { ...(base.query ?? {}), startAt: 0, maxResults: 100 };
      const body: JsonObject | undefined = base.method === 'POST' ? { ...(base.body ?? {}), startAt: 0, maxResults: 100 } : undefined;
      for (;;) {
        const page = await request({ ...base, query: base.method === 'POST' ? base.query : query, ...(body ? { body } : {}) }, itemIndex) as JsonObject;
        all.push(...((page[property] ?? []) as JsonObject[]));
        const next = Number(page.startAt) + Number(page.maxResults);
        if (!(next < Number(page.total))) return all;
        query.startAt = next;
        if (body) body.startAt = next;
      }
    },
    close: () => transport.close(),
  };
}
