// The Chat Trigger's Basic Auth check, with n8n's answers: 500 when the credential has no user or
// password, 401 (asking the browser for a login) when none is sent, 403 when it is wrong.
import { timingSafeEqual } from 'node:crypto';

export interface AuthRefusal {
  status: 401 | 403 | 500;
  message: string;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The user and password of an `Authorization: Basic …` header, if it holds one. */
export function basicCredentials(header: unknown): { user: string; password: string } | undefined {
  const value = String(Array.isArray(header) ? header[0] : (header ?? ''));
  const match = /^\s*basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(value);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Undefined when the caller may pass; otherwise how to refuse. */
export function checkBasicAuth(header: unknown, expected: { user?: unknown; password?: unknown } | undefined): AuthRefusal | undefined {
  const user = typeof expected?.user === 'string' ? expected.user : '';
  const password = typeof expected?.password === 'string' ? expected.password : '';
  if (!user || !password) return { status: 500, message: 'No authentication data defined on node!' };
  const given = basicCredentials(header);
  if (!given) return { status: 401, message: 'Authorization is required!' };
  // Both compared, so the time taken does not tell which one was wrong.
  const userOk = same(given.user, user);
  const passwordOk = same(given.password, password);
  return userOk && passwordOk ? undefined : { status: 403, message: 'Authorization data is wrong!' };
}
