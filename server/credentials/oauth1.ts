// Connecting an `oAuth1Api` credential (RFC 5849's three legs): a temporary request token, the
// user's approval in the browser, then the token and secret the requests are signed with. The
// provider answers form-encoded; failures say what it said, without the secrets.
import { UnavailableError, ValidationError, type OAuth1ApiData } from '../../domain/index.ts';
import { oauth1Authorization } from '../../nodes/index.ts';
import { describeFetchError } from './oauth2.ts';
import { scrubSecrets } from './scrub.ts';

const TIMEOUT_MS = 10_000;

export interface OAuth1TokenPair { oauth_token: string; oauth_token_secret: string; [key: string]: string }

async function tokenCall(data: OAuth1ApiData, url: string, token: { key: string; secret: string } | undefined, oauthParams: Record<string, string>): Promise<OAuth1TokenPair> {
  const authorization = oauth1Authorization({
    consumerKey: data.consumerKey, consumerSecret: data.consumerSecret, signatureMethod: data.signatureMethod, ...(token ? { token } : {}),
  }, { method: 'POST', url, oauthParams });
  const secrets = [data.consumerSecret, token?.secret].filter((s): s is string => !!s);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: 'POST', headers: { authorization, accept: 'application/x-www-form-urlencoded, application/json' }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
    text = await response.text();
  } catch (error) {
    throw new UnavailableError(`Could not reach the OAuth1 provider at ${new URL(url).origin}: ${describeFetchError(error)}`);
  }
  const said = scrubSecrets(text.slice(0, 300), secrets) || 'no answer body';
  if (response.status >= 500 || response.status === 429) throw new UnavailableError(`The OAuth1 provider failed (HTTP ${response.status}): ${said}`);
  if (!response.ok) throw new ValidationError(`The OAuth1 provider refused the request (HTTP ${response.status}): ${said}`);
  const fields = Object.fromEntries(new URLSearchParams(text)) as Record<string, string>;
  if (!fields.oauth_token || !fields.oauth_token_secret) throw new ValidationError(`The OAuth1 provider answered without oauth_token and oauth_token_secret: ${said}`);
  return fields as OAuth1TokenPair;
}

/** Leg one: a request token bound to our callback; the browser then goes to `authorizeUrl`. */
export async function startOAuth1(data: OAuth1ApiData, callbackUrl: string): Promise<{ requestToken: OAuth1TokenPair; authorizeUrl: string }> {
  const requestToken = await tokenCall(data, data.requestTokenUrl, undefined, { oauth_callback: callbackUrl });
  const authorizeUrl = new URL(data.authUrl);
  authorizeUrl.searchParams.set('oauth_token', requestToken.oauth_token);
  return { requestToken, authorizeUrl: authorizeUrl.toString() };
}

/** Leg three: the approved request token and the verifier become the account's token. */
export function finishOAuth1(data: OAuth1ApiData, requestToken: { key: string; secret: string }, verifier: string): Promise<OAuth1TokenPair> {
  return tokenCall(data, data.accessTokenUrl, requestToken, { oauth_verifier: verifier });
}
