// Connecting an account in a popup: the window is opened at the click (popup blockers allow only
// that), sent to the provider once the server has given its URL, and reports back through the
// callback page's postMessage (same origin only). A popup closed without a message (the user gave
// up, or the callback ran on another origin) ends the wait too: the caller then re-reads the status.

/** The message type of server/credentials/oauth-callback-page.ts. */
const OAUTH_MESSAGE = 'weft:oauth-result';

export interface OAuthOutcome {
  /** true/false as the callback page said; undefined when the popup closed without saying. */
  ok: boolean | undefined;
  message: string;
}

export function openOAuthPopup(): Window | null {
  const w = 600;
  const h = 700;
  const left = Math.max(0, window.screenX + (window.outerWidth - w) / 2);
  const top = Math.max(0, window.screenY + (window.outerHeight - h) / 2);
  return window.open('about:blank', 'weft-oauth', `popup,width=${w},height=${h},left=${left},top=${top}`);
}

export function waitForOAuth(popup: Window): Promise<OAuthOutcome> {
  return new Promise((resolve) => {
    const done = (outcome: OAuthOutcome) => {
      window.removeEventListener('message', onMessage);
      clearInterval(poll);
      resolve(outcome);
    };
    function onMessage(event: MessageEvent) {
      if (event.origin !== location.origin || event.source !== popup) return;
      const data = event.data as { type?: string; ok?: boolean; message?: string };
      if (data?.type !== OAUTH_MESSAGE) return;
      done({ ok: data.ok === true, message: String(data.message ?? '') });
    }
    window.addEventListener('message', onMessage);
    const poll = setInterval(() => {
      if (popup.closed) done({ ok: undefined, message: 'The window was closed before the account was connected' });
    }, 400);
  });
}
