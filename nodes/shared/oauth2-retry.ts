// n8n's refresh-and-retry for OAuth2 requests: when a service answers 401 to the access token a
// request carried, the token is renewed once (NodeCredentials.get with refreshOAuth2Token) and the
// request goes out again with the new one. The credential that signed the request is the node's
// OAuth2 credential whose token the request carries, so the nodes need not say which it was.
import { credentialTypeExtends } from '../../domain/index.ts';
import type { ExecuteContext } from '../../engine/index.ts';
import type { HttpRequestSpec } from '../http-request/send.ts';

/** What the retry needs of the running node: its credential references and their getter. */
export type OAuth2RetryContext = Pick<ExecuteContext, 'node' | 'credentials'>;

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
  for (const type of Object.keys(ctx.node.credentials ?? {})) {
    if (!credentialTypeExtends(type, 'oAuth2Api')) continue;
    // A credential the node holds but did not sign with may be gone or unreadable: it is not the one.
    const refused = accessToken(await ctx.credentials.get(type).catch(() => ({})));
    if (!refused || !carries(refused)) continue;
    const renewed = accessToken(await ctx.credentials.get(type, { refreshOAuth2Token: true }));
    if (!renewed) return undefined;
    return {
      ...spec,
      url: spec.url.replaceAll(refused, renewed),
      headers: Object.fromEntries(Object.entries(spec.headers).map(([name, value]) => [name, value.replaceAll(refused, renewed)])),
    };
  }
  return undefined;
}
