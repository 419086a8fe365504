// OAuth 1.0a request signing (RFC 5849) for `oAuth1Api`-based credentials: the Authorization header
// for one request, signed with the consumer secret and, once connected, the token secret. The
// signature covers the URL's query and a form body's fields, as the RFC requires.
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';

export type OAuth1SignatureMethod = 'HMAC-SHA1' | 'HMAC-SHA256' | 'HMAC-SHA512';

export interface OAuth1Keys {
  consumerKey: string;
  consumerSecret: string;
  signatureMethod?: OAuth1SignatureMethod;
  /** The connected account's token; absent while asking for a request token. */
  token?: { key: string; secret: string };
}

export interface OAuth1Request {
  method: string;
  /** The full URL, query included. */
  url: string;
  /** Fields of an application/x-www-form-urlencoded body (they are signed too). */
  form?: Record<string, string>;
  /** Extra protocol parameters, such as oauth_callback or oauth_verifier. */
  oauthParams?: Record<string, string>;
}

const HASHES: Record<OAuth1SignatureMethod, string> = { 'HMAC-SHA1': 'sha1', 'HMAC-SHA256': 'sha256', 'HMAC-SHA512': 'sha512' };

/** The `Authorization: OAuth …` header value for one request. */
export function oauth1Authorization(keys: OAuth1Keys, request: OAuth1Request): string {
  const method = keys.signatureMethod && HASHES[keys.signatureMethod] ? keys.signatureMethod : 'HMAC-SHA1';
  const oauth = new OAuth({
    consumer: { key: keys.consumerKey, secret: keys.consumerSecret },
    signature_method: method,
    hash_function: (base, key) => createHmac(HASHES[method], key).update(base).digest('base64'),
  });
  // The query is decoded here as a form (RFC 5849 §3.4.1.3.1: '+' is a space), repeated names kept;
  // the library's own URL parsing would take '+' literally. Extra protocol parameters are signed
  // as data, and then sent in the header beside the others.
  const url = new URL(request.url);
  const data: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const current = data[name];
    data[name] = current === undefined ? value : [...(Array.isArray(current) ? current : [current]), value];
  };
  for (const [name, value] of url.searchParams) add(name, value);
  for (const [name, value] of Object.entries({ ...request.form, ...request.oauthParams })) add(name, value);
  const baseUrl = `${url.protocol}//${url.host}${url.pathname}`;
  const authorization = oauth.authorize({ url: baseUrl, method: request.method.toUpperCase(), data }, keys.token);
  return oauth.toHeader({ ...authorization, ...request.oauthParams }).Authorization;
}
