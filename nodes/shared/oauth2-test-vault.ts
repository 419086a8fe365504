// Test support for the OAuth2 renewal tests: a local RFC 6749 token endpoint, and the vault's part
// the engine asks for credentials (data by credential type; an OAuth2 token renewed through the
// endpoint when the engine asks, as the server's credential service does).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CredentialGetOptions } from '../../engine/index.ts';

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

type Answer = { status: number; body: object };

export interface TokenVault {
  /** The endpoint's base URL (its token path is /token). */
  url: string;
  /** The access token the endpoint issues for the next refresh grant. */
  next: string;
  /** The grants the endpoint was sent, in order. */
  grants: Array<Record<string, string>>;
  /** The credential types the engine asked to renew, in order. */
  renewals: string[];
  /** The vault holds an OAuth2 credential of `type` whose token `old-token` was revoked though not expired, and `others` as they are. */
  holding(type: string, data?: Record<string, unknown>, others?: Record<string, Record<string, unknown>>): void;
  credentials(type: string, options?: CredentialGetOptions): Promise<Record<string, unknown>>;
  reset(): void;
  close(): Promise<void>;
}

/** `otherGrant` answers grants other than the refresh of `rt-1` (a service account's JWT grant). */
export async function startTokenVault(otherGrant: (params: Record<string, string>) => Answer | undefined = () => undefined): Promise<TokenVault> {
  let vault: Record<string, Record<string, unknown>> = {};
  const server = createServer(async (req, res) => {
    const params = Object.fromEntries(new URLSearchParams(await readBody(req)));
    state.grants.push(params);
    const refresh = params.grant_type === 'refresh_token' && params.refresh_token === 'rt-1';
    const answer: Answer = refresh
      ? { status: 200, body: { access_token: state.next, token_type: 'Bearer', refresh_token: 'rt-2', expires_in: 3600 } }
      : otherGrant(params) ?? { status: 400, body: { error: 'invalid_grant' } };
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: TokenVault = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    next: '',
    grants: [],
    renewals: [],
    holding(type, data = {}, others = {}) {
      vault = { ...others, [type]: { ...data, oauthTokenData: { access_token: 'old-token', refresh_token: 'rt-1', expires_at: Date.now() + 3600_000 } } };
    },
    async credentials(type, options) {
      if (!vault[type]) throw new Error(`Credential of type '${type}' not found`);
      if (options?.refreshOAuth2Token) {
        state.renewals.push(type);
        const answer = await fetch(`${state.url}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'rt-1' }) });
        if (!answer.ok) throw new Error(`refresh refused: ${await answer.text()}`);
        vault[type] = { ...vault[type], oauthTokenData: await answer.json() };
      }
      return vault[type];
    },
    reset() {
      state.grants.length = 0;
      state.renewals.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return state;
}
