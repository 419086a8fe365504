// Which browser pages may open the real-time sockets (/collab, /socket.io). Browsers send the
// session cookie with a WebSocket from any site (SameSite=Lax does not cover every case, e.g. a
// sibling subdomain), so without this check a foreign page could act as the signed-in user.
import type http from 'node:http';

export interface OriginRules {
  /** The address users reach the server at (PUBLIC_URL). */
  publicUrl: string;
  /** Further allowed origins (ALLOWED_ORIGINS), already normalised to `scheme://host[:port]`. */
  allowedOrigins: readonly string[];
}

function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns a check on a request's headers. Allowed: no Origin header (programs with an API key,
 * not browsers), PUBLIC_URL's origin, an ALLOWED_ORIGINS entry, or a page served by the very
 * host the request went to (its Host header): that is same-origin, whether the user typed
 * localhost or 127.0.0.1, or came through a proxy that keeps the Host (Vite's dev server does).
 * A browser sets Host itself, so a foreign page cannot fake it; a DNS-rebound name matches its
 * own Host but carries none of our cookies. `Origin: null` (sandboxed frames, file:) is refused.
 */
export function createOriginCheck(rules: OriginRules): (headers: http.IncomingHttpHeaders) => boolean {
  const allowed = new Set([originOf(rules.publicUrl), ...rules.allowedOrigins].filter((o): o is string => o !== undefined));
  return (headers) => {
    const origin = headers.origin;
    if (origin === undefined) return true;
    const normalised = originOf(origin);
    if (!normalised) return false;
    if (allowed.has(normalised)) return true;
    return headers.host !== undefined && new URL(normalised).host === headers.host.toLowerCase();
  };
}
