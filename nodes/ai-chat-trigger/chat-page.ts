// The hosted chat page the Chat Trigger serves on GET: self-contained HTML (styles and script
// inline, no outside requests). Texts from the node's parameters are HTML-escaped where they are
// markup and JSON-escaped where they are data; the browser code shows them with textContent.
import { randomBytes } from 'node:crypto';
import { CHAT_PAGE_SCRIPT } from './chat-page-script.ts';
import { BASE_CSS, DEFAULT_CUSTOM_CSS } from './chat-page-style.ts';

export interface ChatPageSettings {
  title: string;
  subtitle: string;
  initialMessages: string[];
  inputPlaceholder: string;
  getStarted: string;
  showWelcomeScreen: boolean;
  loadPreviousSession: string;
  allowFileUploads: boolean;
  allowedFilesMimeTypes: string;
  /** The answers come as a stream (Response Mode "Streaming"): shown as they are written. */
  streaming: boolean;
  customCss?: string;
  /** Served inside the widget's frame: a compact layout. */
  embedded: boolean;
}

export interface ChatPage {
  html: string;
  /** Allows only this page's own script (by nonce) and requests to its own origin. */
  contentSecurityPolicy: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** JSON that stays data inside a <script> block: no `</script>`, no HTML comment, no line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** User CSS inside <style>: `<` cannot appear in valid CSS outside strings, so `</style>` cannot end the block. */
export function cssForStyle(css: string): string {
  return css.replace(/</g, '\\3c ');
}

/** n8n's Initial Message(s): one message per line, blank lines dropped. */
export function splitInitialMessages(raw: string): string[] {
  return raw.split('\n').map((line) => line.trim()).filter(Boolean);
}

export function renderChatPage(settings: ChatPageSettings): ChatPage {
  const nonce = randomBytes(16).toString('base64');
  const config = {
    initialMessages: settings.initialMessages,
    showWelcomeScreen: settings.showWelcomeScreen,
    loadPreviousSession: settings.loadPreviousSession,
    streaming: settings.streaming,
  };
  const accept = settings.allowedFilesMimeTypes && settings.allowedFilesMimeTypes !== '*' ? ` accept="${escapeHtml(settings.allowedFilesMimeTypes)}"` : '';
  const fileInput = settings.allowFileUploads
    ? `<input class="chat-file-input" type="file" multiple${accept} aria-label="Attach files">`
    : '';
  const welcomeHidden = settings.showWelcomeScreen ? '' : ' hidden';
  const chatHidden = settings.showWelcomeScreen ? ' hidden' : '';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(settings.title)}</title>
<style nonce="${nonce}">${BASE_CSS}</style>
<style nonce="${nonce}">${cssForStyle(settings.customCss ?? DEFAULT_CUSTOM_CSS)}</style>
</head>
<body class="${settings.embedded ? 'chat-embedded' : 'chat-hosted'}">
<div class="chat-layout">
<header class="chat-header">
<h1 class="chat-title">${escapeHtml(settings.title)}</h1>
<p class="chat-subtitle">${escapeHtml(settings.subtitle)}</p>
</header>
<div class="chat-welcome"${welcomeHidden}><button type="button" class="chat-button chat-get-started">${escapeHtml(settings.getStarted)}</button></div>
<main class="chat-body" aria-live="polite"${chatHidden}></main>
<form class="chat-footer"${chatHidden}>
<textarea class="chat-input" rows="1" placeholder="${escapeHtml(settings.inputPlaceholder)}" aria-label="Message"></textarea>
${fileInput}
<button type="submit" class="chat-button chat-send">Send</button>
</form>
</div>
<script type="application/json" id="chat-config">${jsonForScript(config)}</script>
<script nonce="${nonce}">${CHAT_PAGE_SCRIPT}</script>
</body>
</html>
`;
  const contentSecurityPolicy = [
    "default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`, "connect-src 'self'", 'img-src data:',
    "base-uri 'none'", "form-action 'self'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}
