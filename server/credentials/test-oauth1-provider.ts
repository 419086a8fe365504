// For tests: an OAuth 1.0a provider written from RFC 5849 on a local port. It checks every
// request's HMAC signature itself (§3.4: the base string of method, base URI and the sorted query,
// form and oauth_* parameters; the key of consumer and token secrets), runs the three legs
// (temporary credentials, the user's approval, token credentials) and a protected echo resource.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestOAuth1Provider {
  url: string;
  requestTokenUrl: string;
  authUrl: string;
  accessTokenUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** The user approves a request token in the browser: the provider's redirect back (callback URL with token and verifier). */
  approve(requestToken: string): string;
  /**
   * The user denies: the provider's redirect back without a verifier. RFC 5849 leaves this to the
   * provider; X (Twitter), the OAuth1 service n8n users meet, sends `denied=<request token>`.
   */
  deny(requestToken: string): string;
  /** Every request with the outcome of its signature check. */
  seen: Array<{ path: string; method: string; oauth: Record<string, string>; signatureValid: boolean; form: Record<string, string> }>;
  close(): Promise<void>;
}

/** RFC 3986 unreserved characters stay; everything else is %XX in upper case (RFC 5849 §3.6). */
function enc(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function parseAuthorization(header: string | undefined): Record<string, string> {
  if (!header?.startsWith('OAuth ')) return {};
  const params: Record<string, string> = {};
  for (const match of header.slice(6).matchAll(/([a-z_]+)="([^"]*)"/g)) params[match[1]] = decodeURIComponent(match[2]);
  return params;
}

const HASH: Record<string, string> = { 'HMAC-SHA1': 'sha1', 'HMAC-SHA256': 'sha256', 'HMAC-SHA512': 'sha512' };

function signatureOf(method: string, url: URL, pairs: Array<[string, string]>, consumerSecret: string, tokenSecret: string, signatureMethod: string): string {
  const normalized = pairs.map(([k, v]) => [enc(k), enc(v)]).sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`).join('&');
  const baseUri = `${url.protocol}//${url.host}${url.pathname}`;
  const base = [method.toUpperCase(), enc(baseUri), enc(normalized)].join('&');
  return createHmac(HASH[signatureMethod] ?? 'sha1', `${enc(consumerSecret)}&${enc(tokenSecret)}`).update(base).digest('base64');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
  });
}

export async function startTestOAuth1Provider({ consumerKey = 'weft-consumer', consumerSecret = 'c0nsumer&secret' } = {}): Promise<TestOAuth1Provider> {
  const seen: TestOAuth1Provider['seen'] = [];
  const requestTokens = new Map<string, { secret: string; callback: string; verifier?: string }>();
  const accessTokens = new Map<string, string>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const body = await readBody(req);
    const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(body)) : {};
    const oauth = parseAuthorization(req.headers.authorization);
    const tokenSecret = oauth.oauth_token ? requestTokens.get(oauth.oauth_token)?.secret ?? accessTokens.get(oauth.oauth_token) ?? '' : '';
    const pairs: Array<[string, string]> = [...url.searchParams, ...Object.entries(form), ...Object.entries(oauth).filter(([k]) => k !== 'oauth_signature' && k !== 'realm')];
    const signatureValid = oauth.oauth_consumer_key === consumerKey
      && oauth.oauth_signature === signatureOf(req.method ?? 'GET', url, pairs, consumerSecret, tokenSecret, oauth.oauth_signature_method);
    seen.push({ path: url.pathname, method: req.method ?? '', oauth, signatureValid, form });
    const formAnswer = (status: number, fields: Record<string, string>) => {
      res.writeHead(status, { 'content-type': 'application/x-www-form-urlencoded' }).end(new URLSearchParams(fields).toString());
    };
    if (!signatureValid) return formAnswer(401, { oauth_problem: 'signature_invalid' });
    if (url.pathname === '/oauth/request_token' && req.method === 'POST') {
      const token = `rt-${randomBytes(6).toString('hex')}`;
      requestTokens.set(token, { secret: `rts-${randomBytes(6).toString('hex')}`, callback: oauth.oauth_callback ?? '' });
      return formAnswer(200, { oauth_token: token, oauth_token_secret: requestTokens.get(token)!.secret, oauth_callback_confirmed: 'true' });
    }
    if (url.pathname === '/oauth/access_token' && req.method === 'POST') {
      const pending = requestTokens.get(oauth.oauth_token ?? '');
      if (!pending?.verifier || pending.verifier !== oauth.oauth_verifier) return formAnswer(401, { oauth_problem: 'verifier_invalid' });
      requestTokens.delete(oauth.oauth_token!);
      const token = `at-${randomBytes(6).toString('hex')}`;
      accessTokens.set(token, `ats-${randomBytes(6).toString('hex')}`);
      return formAnswer(200, { oauth_token: token, oauth_token_secret: accessTokens.get(token)!, user_id: '42', screen_name: 'ada' });
    }
    if (url.pathname.startsWith('/api/') && accessTokens.has(oauth.oauth_token ?? '')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, path: url.pathname, query: Object.fromEntries(url.searchParams), form }));
      return;
    }
    return formAnswer(401, { oauth_problem: 'token_rejected' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, requestTokenUrl: `${url}/oauth/request_token`, authUrl: `${url}/oauth/authorize`, accessTokenUrl: `${url}/oauth/access_token`,
    consumerKey, consumerSecret, seen,
    approve(requestToken) {
      const pending = requestTokens.get(requestToken);
      if (!pending) throw new Error(`unknown request token ${requestToken}`);
      pending.verifier = `v-${randomBytes(4).toString('hex')}`;
      const back = new URL(pending.callback);
      back.searchParams.set('oauth_token', requestToken);
      back.searchParams.set('oauth_verifier', pending.verifier);
      return back.toString();
    },
    deny(requestToken) {
      const pending = requestTokens.get(requestToken);
      if (!pending) throw new Error(`unknown request token ${requestToken}`);
      requestTokens.delete(requestToken);
      const back = new URL(pending.callback);
      back.searchParams.set('denied', requestToken);
      return back.toString();
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
