// For the browser tests: an OAuth2 provider written from RFC 6749's authorization code grant. Its
// consent page (§4.1.1) sends the browser back to redirect_uri with a code and the state (§4.1.2),
// or with error=access_denied when the user declines (§4.1.2.1); its token endpoint (§4.1.3) takes
// the code only with the same redirect_uri and HTTP Basic client authentication (§2.3.1), answering
// JSON with Cache-Control: no-store (§5.1) or an error (§5.2); its API takes Bearer tokens (RFC 6750).
// Every request that breaks a rule is refused and written to `problems`, which a test asserts empty.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInProvider {
  url: string;
  authUrl: string;
  tokenUrl: string;
  /** Answers `{user}` to a live Bearer token. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** The redirect_uri registered for the client: anything else is refused. */
  registerRedirectUri(uri: string): void;
  tokenRequests: { grantType: string; params: Record<string, string>; basic: string | undefined }[];
  issuedTokens: string[];
  problems: string[];
  close(): Promise<void>;
}

const read = (req: IncomingMessage) => new Promise<string>((resolve, reject) => {
  let text = '';
  req.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve(text)).on('error', reject);
});
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startStandInProvider(): Promise<StandInProvider> {
  const clientId = 'weft-test-client';
  const clientSecret = 'cs/with+odd=chars';
  let redirectUri = '';
  const codes = new Map<string, { redirectUri: string; expires: number }>();
  const live = new Set<string>();
  const p = { tokenRequests: [] as StandInProvider['tokenRequests'], issuedTokens: [] as string[], problems: [] as string[] };
  const token = () => randomBytes(12).toString('hex');

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://provider');
    const json = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', pragma: 'no-cache' }).end(JSON.stringify(body));
    const refuse = (status: number, problem: string, body: object) => {
      p.problems.push(problem);
      json(status, body);
    };
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = Object.fromEntries(url.searchParams);
      // §4.1.2.1: a bad redirect_uri or client must not be redirected to; the user is told instead.
      if (q.client_id !== clientId || q.redirect_uri !== redirectUri) return refuse(400, `authorize: client_id ${q.client_id} redirect_uri ${q.redirect_uri}`, { error: 'invalid_request' });
      if (q.response_type !== 'code' || !q.state) return refuse(400, `authorize: response_type ${q.response_type} state ${q.state}`, { error: 'invalid_request' });
      const code = token();
      codes.set(code, { redirectUri: q.redirect_uri, expires: Date.now() + 60_000 });
      const back = (params: Record<string, string>) => escape(`${q.redirect_uri}?${new URLSearchParams({ ...params, state: q.state })}`);
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Stand-in consent</title><h1>Allow Weft to read your profile (${escape(q.scope ?? '')})?</h1>` +
        `<a id="allow" href="${back({ code })}">Allow</a> <a id="deny" href="${back({ error: 'access_denied', error_description: 'The user declined' })}">Deny</a>`);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return refuse(400, `token: content-type ${req.headers['content-type']}`, { error: 'invalid_request' });
      const params = Object.fromEntries(new URLSearchParams(await read(req)));
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      p.tokenRequests.push({ grantType: params.grant_type, params, basic });
      const [id, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(/:(.*)/s) : [];
      if (id !== clientId || secret !== clientSecret) {
        res.setHeader('www-authenticate', 'Basic realm="token"');
        return refuse(401, `token: client auth ${req.headers.authorization}`, { error: 'invalid_client' });
      }
      if (params.grant_type !== 'authorization_code') return refuse(400, `token: grant_type ${params.grant_type}`, { error: 'unsupported_grant_type' });
      const issued = codes.get(params.code);
      codes.delete(params.code); // §4.1.2: a code is used once
      if (!issued || issued.expires < Date.now() || issued.redirectUri !== params.redirect_uri) {
        return refuse(400, `token: code ${params.code} redirect_uri ${params.redirect_uri}`, { error: 'invalid_grant' });
      }
      const access = token();
      live.add(access);
      p.issuedTokens.push(access);
      return json(200, { access_token: access, token_type: 'Bearer', expires_in: 3600, refresh_token: token(), scope: 'profile' });
    }
    if (req.method === 'GET' && url.pathname === '/api/me') {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!bearer || !live.has(bearer)) {
        res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
        return json(401, { error: 'invalid_token' });
      }
      return json(200, { user: 'ada', token: bearer });
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, authUrl: `${url}/authorize`, tokenUrl: `${url}/token`, apiUrl: `${url}/api/me`, clientId, clientSecret, ...p,
    registerRedirectUri(uri) {
      redirectUri = uri;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
