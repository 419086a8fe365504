// Browser hardening headers on the editor's pages and the API: a Content-Security-Policy that
// allows only our own origin, no framing by other sites, no MIME sniffing, a tight referrer.
import type { Context, Next } from 'koa';

export interface SecurityHeaderOptions {
  /** CSP frame-ancestors sources: "'none'" (default), "'self'" or space-separated origins. */
  frameAncestors: string;
}

/** A Host header we are willing to echo into the CSP (host name or [IPv6], optional port). */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The editor's policy. Scripts and styles come from our own files only (Vite emits no inline
 * script); inline styles are allowed because Svelte Flow and CodeMirror position and theme
 * elements through style attributes. Images may be data: URIs (the favicon is one). The
 * WebSockets (/socket.io, /collab) go to the host the page came from: CSP Level 3 lets 'self'
 * cover ws:/wss: of the same host, and the explicit entries keep older browsers working.
 */
export function contentSecurityPolicy(host: string, frameAncestors: string): string {
  const sockets = PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** n8n's webhook paths: answered by user workflows (see the middleware below). */
function isWebhookPath(path: string): boolean {
  return path === '/webhook' || path.startsWith('/webhook/') || path.startsWith('/webhook-');
}

export function securityHeaders(options: SecurityHeaderOptions) {
  // X-Frame-Options has no way to name other origins: send it only when it says the same.
  const frameOptions = options.frameAncestors === "'none'" ? 'DENY' : options.frameAncestors === "'self'" ? 'SAMEORIGIN' : undefined;
  return async function securityHeadersMiddleware(ctx: Context, next: Next): Promise<void> {
    // Set before the handlers run, so a webhook's own headers (set later) win.
    ctx.set('X-Content-Type-Options', 'nosniff');
    // Webhook answers are the workflow author's pages and data: Respond to Webhook may return an
    // HTML page with inline script, or one meant to be embedded elsewhere (forms, chat widgets),
    // as in n8n. The editor's policy would break those, so webhooks get only nosniff here and
    // set whatever else they need through the node's response headers.
    if (!isWebhookPath(ctx.path)) {
      ctx.set('Content-Security-Policy', contentSecurityPolicy(ctx.get('host'), options.frameAncestors));
      if (frameOptions) ctx.set('X-Frame-Options', frameOptions);
      ctx.set('Referrer-Policy', 'same-origin');
    }
    await next();
  };
}
