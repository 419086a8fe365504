// A credential test for Google OAuth2 types: one harmless call with the stored access token that the
// service answers only for a valid token with its scopes. Google's refusal is reported in its own
// words; messages never include the token.
import type { JsonObject } from '../../engine/index.ts';
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { googleMessage } from './google-errors.ts';

export interface TokenCheck {
  method: 'GET' | 'POST';
  url: string;
  json?: unknown;
  /** Who answers, in messages ('Gmail answered 401: …'); default 'Google'. */
  service?: string;
  /** What a good answer tells the user (e.g. the account's address); default just success. */
  describe?: (answer: JsonObject) => string;
}

export async function checkGoogleToken(data: Record<string, unknown>, check: TokenCheck, timeoutMs: number, blockPrivateNetworks = false): Promise<string> {
  const service = check.service ?? 'Google';
  const token = (data.oauthTokenData as JsonObject | undefined)?.access_token;
  if (typeof token !== 'string' || !token) throw new Error('The credential has no access token: connect it first');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks });
  try {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (check.json !== undefined) headers['content-type'] = 'application/json';
    const response = await send(transport, { method: check.method, url: check.url, headers, ...(check.json !== undefined ? { body: JSON.stringify(check.json) } : {}) }, {
      timeoutMs, followRedirects: true, maxRedirects: 5, signal: new AbortController().signal, blockPrivateNetworks,
    });
    const text = response.body.toString('utf8');
    if (response.statusCode >= 400) {
      const said = googleMessage(text);
      throw new Error(`${service} answered ${response.statusCode}${said ? `: ${said}` : ''}`);
    }
    let answer: JsonObject = {};
    try { answer = JSON.parse(text) as JsonObject; } catch { /* success is judged by status */ }
    return check.describe?.(answer) ?? 'Connection tested successfully';
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(`${service} answered`)) throw error;
    throw new Error(serviceCallError(service, error, 0).message);
  } finally {
    await transport.close();
  }
}
