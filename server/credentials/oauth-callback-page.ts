// The page the browser lands on after a provider's consent screen (the Credentials screen opened it
// in a popup): it tells its opener how connecting went, by postMessage to our own origin only, and
// closes itself. Without an opener (opened directly) it just says what happened.
import { createHash } from 'node:crypto';
import { AppError } from '../../domain/index.ts';

/** The `type` of the message the Credentials screen listens for. */
export const OAUTH_MESSAGE = 'weft:oauth-result';

// Fixed text, so the page's CSP can allow exactly this script by its hash (the editor's policy
// allows no inline script). The outcome travels in a JSON data block, never inside the script.
const SCRIPT = `(function(){var r=JSON.parse(document.getElementById('result').textContent);` +
  `if(window.opener&&window.opener!==window){try{window.opener.postMessage(r,location.origin);}catch(e){}setTimeout(function(){window.close();},300);}})();`;
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');
const POLICY = `default-src 'none'; script-src 'sha256-${SCRIPT_HASH}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// Inside <script type="application/json">: only "</script" (and "<!--") could end or confuse the block.
const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

interface Ctx { type: string; body: unknown; status: number; set(field: string, value: string): void; accepts(...types: string[]): string | false }

export interface OAuthResult { ok: boolean; credentialId?: string; message: string }

export function oauthResultPage(ctx: Ctx, result: OAuthResult, status = 200): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', POLICY);
  ctx.set('Cache-Control', 'no-store');
  const title = result.ok ? 'Connected' : 'Could not connect';
  ctx.body = `<!doctype html><meta charset="utf-8"><title>${title}</title>` +
    `<script type="application/json" id="result">${jsonForScript({ type: OAUTH_MESSAGE, ...result })}</script>` +
    `<h1 style="font:600 18px system-ui">${title}</h1><p style="font:14px system-ui">${escapeHtml(result.message)}</p>` +
    `<script>${SCRIPT}</script>`;
}

/** A browser navigation (the popup) gets a page; API clients keep the JSON error answer. */
export const wantsPage = (ctx: Ctx) => ctx.accepts('json', 'html') === 'html';

/** The provider sent the user back without a grant (denied, or failed): a page for the popup, else a JSON 400. */
export function oauthRefused(ctx: Ctx, code: string, message: string, path: string): void {
  if (wantsPage(ctx)) return oauthResultPage(ctx, { ok: false, message }, 400);
  ctx.status = 400;
  ctx.body = { code, message, details: [{ path, message: 'refused' }] };
}

/**
 * Runs a callback's work; when it fails with a known error and a browser is waiting, answers the
 * error page (so the popup can tell the Credentials screen why) instead of JSON.
 */
export async function asOAuthPage(ctx: Ctx, work: () => Promise<{ credentialId: string }>): Promise<void> {
  try {
    const { credentialId } = await work();
    oauthResultPage(ctx, { ok: true, credentialId, message: `The account is connected to credential ${credentialId}. You can close this window.` });
  } catch (error) {
    if (!(error instanceof AppError) || !wantsPage(ctx)) throw error;
    oauthResultPage(ctx, { ok: false, message: error.message }, error.code === 'unavailable' ? 503 : error.code === 'not_found' ? 404 : 400);
  }
}
