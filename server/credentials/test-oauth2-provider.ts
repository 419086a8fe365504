// For tests: a real OAuth2 authorization server on a local port (node:http, port 0) that checks
// client authentication and grants the way providers do, and records what it was sent.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenRequest {
  grantType: string;
  clientAuth: 'header' | 'body' | 'none';
  params: Record<string, string>;
}

export interface TestOAuth2Provider {
  /** Origin, e.g. http://127.0.0.1:40123 */
  url: string;
  tokenUrl: string;
  authUrl: string;
  clientId: string;
  clientSecret: string;
  /** A code the token endpoint accepts once, with `redirectUri` (and, for PKCE, the verifier of `codeChallenge`, S256). */
  issueCode(redirectUri: string, codeChallenge?: string): string;
  requests: TokenRequest[];
  /** The next token request gets this answer instead. */
  failNext(status: number, body: Record<string, unknown>): void;
  /** Lifetime (`expires_in`, seconds; negative: already expired) of the tokens issued from now on. */
  setExpiresIn(seconds: number): void;
  /** Whether a resource server should take this access token (RFC 7662's `active`): issued here, not expired, not revoked. */
  isActive(accessToken: string): boolean;
  /** Ends an access token before its time (the user revoked the grant, the provider rotated keys). */
  revoke(accessToken: string): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export async function startTestOAuth2Provider({ expiresIn = 3600, clientId = 'weft-app', clientSecret = 'sh+h/secret=' } = {}): Promise<TestOAuth2Provider> {
  const requests: TokenRequest[] = [];
  const codes = new Map<string, { redirectUri: string; codeChallenge?: string }>();
  const refreshTokens = new Set<string>();
  const accessTokens = new Map<string, number>();
  let lifetime = expiresIn;
  let issued = 0;
  let failure: { status: number; body: Record<string, unknown> } | undefined;

  const server = createServer(async (req, res) => {
    const send = (status: number, body: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/token') return send(404, { error: 'not_found' });
    const params = Object.fromEntries(new URLSearchParams(await readBody(req)));
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    const [id, secret] = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(/:(.*)/s) : [params.client_id, params.client_secret];
    const clientAuth = basic ? 'header' : params.client_secret !== undefined ? 'body' : 'none';
    requests.push({ grantType: params.grant_type, clientAuth, params });
    if (failure) {
      const { status, body } = failure;
      failure = undefined;
      return send(status, body);
    }
    if (id !== clientId || secret !== clientSecret) return send(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    const token = (prefix: string, withRefresh: boolean) => {
      issued += 1;
      const refresh = withRefresh ? `rt-${issued}` : undefined;
      if (refresh) refreshTokens.add(refresh);
      accessTokens.set(`${prefix}-${issued}`, Date.now() + lifetime * 1000);
      return send(200, { access_token: `${prefix}-${issued}`, token_type: 'bearer', expires_in: lifetime, scope: params.scope ?? 'default', ...(refresh ? { refresh_token: refresh } : {}) });
    };
    switch (params.grant_type) {
      case 'client_credentials':
        return token('cc', false);
      case 'authorization_code':
      {
        const issued = codes.get(params.code);
        if (issued?.redirectUri !== params.redirect_uri) return send(400, { error: 'invalid_grant', error_description: 'Unknown code or redirect_uri mismatch' });
        const verified = issued.codeChallenge === undefined
          || (params.code_verifier !== undefined && createHash('sha256').update(params.code_verifier).digest('base64url') === issued.codeChallenge);
        if (!verified) return send(400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
        codes.delete(params.code);
      }
        return token('ac', true);
      case 'refresh_token':
        if (!refreshTokens.delete(params.refresh_token)) return send(400, { error: 'invalid_grant', error_description: 'Refresh token revoked' });
        return token('rf', true);
      default:
        return send(400, { error: 'unsupported_grant_type' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, tokenUrl: `${url}/token`, authUrl: `${url}/authorize?tenant=t1`, clientId, clientSecret, requests,
    issueCode(redirectUri, codeChallenge) {
      const code = `code-${codes.size + 1}-${Date.now()}`;
      codes.set(code, { redirectUri, ...(codeChallenge ? { codeChallenge } : {}) });
      return code;
    },
    failNext(status, body) {
      failure = { status, body };
    },
    setExpiresIn(seconds) {
      lifetime = seconds;
    },
    isActive: (accessToken) => (accessTokens.get(accessToken) ?? 0) > Date.now(),
    revoke(accessToken) {
      accessTokens.delete(accessToken);
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
