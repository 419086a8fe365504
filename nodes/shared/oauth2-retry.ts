// n8n's refresh-and-retry for OAuth2 requests: when a service answers 401 to the access token a
// request carried, the token is renewed once (NodeCredentials.get with refreshOAuth2Token) and the
// request goes out again with the new one. The credential that signed the request is the node's
// OAuth2 credential whose token the request carries, so the nodes need not say which it was.
import { credentialTypeExtends } from '../../domain/index.ts';
import type { ExecuteContext } from '../../engine/index.ts';
import type { HttpRequestSpec } from '../http-request/send.ts';

/** What the retry needs of the running node: its credential references and their getter. */
export type OAuth2RetryContext = Pick<ExecuteContext, 'node' | 'credentials'>;

/**
 * Tokens renewed during a node's run, refused → renewed, by the running node's context: a client
 * that read its token once (and keeps sending it) learns the new one here instead of asking the
 * vault again, and a request that still carries a replaced token is resent without a new renewal.
 */
const renewals = new WeakMap<object, Map<string, string>>();

/** The token to send now in place of `token`: the newest one it was renewed to in this run, else itself. */
export function latestOAuth2Token(ctx: object, token: string): string {
  const replaced = renewals.get(ctx);
  let latest = token;
  for (let seen = 0; replaced?.has(latest) && seen < 100; seen++) latest = replaced.get(latest) as string;
  return latest;
}

function accessToken(data: Record<string, unknown>): string | undefined {
  const token = (data.oauthTokenData as { access_token?: unknown } | undefined)?.access_token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/**
 * The request again with a renewed access token in place of the refused one (in its headers and
 * URL, whatever the scheme: `Bearer x`, GitHub's `token x`, ClickUp's bare `x`, `?access_token=x`);
 * undefined when it carried no access token of the node's OAuth2 credentials: nothing to renew.
 */
export async function withRenewedOAuth2Token(ctx: OAuth2RetryContext, spec: HttpRequestSpec): Promise<HttpRequestSpec | undefined> {
  const carries = (token: string) => spec.url.includes(token) || Object.values(spec.headers).some((value) => value.includes(token));
  const replacing = (refused: string, renewed: string): HttpRequestSpec => ({
    ...spec,
    url: spec.url.replaceAll(refused, renewed),
    headers: Object.fromEntries(Object.entries(spec.headers).map(([name, value]) => [name, value.replaceAll(refused, renewed)])),
  });
  // Already renewed in this run (the request was built with the old token): send the newest one.
  for (const old of renewals.get(ctx)?.keys() ?? []) {
    if (carries(old)) return replacing(old, latestOAuth2Token(ctx, old));
  }
  for (const type of Object.keys(ctx.node.credentials ?? {})) {
    if (!credentialTypeExtends(type, 'oAuth2Api')) continue;
    // A credential the node holds but did not sign with may be gone or unreadable: it is not the one.
    const refused = accessToken(await ctx.credentials.get(type).catch(() => ({})));
    if (!refused || !carries(refused)) continue;
    const renewed = accessToken(await ctx.credentials.get(type, { refreshOAuth2Token: true }));
    if (!renewed) return undefined;
    if (renewed !== refused) {
      if (!renewals.has(ctx)) renewals.set(ctx, new Map());
      renewals.get(ctx)?.set(refused, renewed);
    }
    return replacing(refused, renewed);
  }
  return undefined;
}
