// The hosted chat page's look. Colours and sizes are `--chat--…` CSS variables, named as n8n's chat
// names them, so a Custom Chat Styling written for n8n restyles this page too.

/** The Custom Chat Styling default: the variables users usually change, and a class to override. */
export const DEFAULT_CUSTOM_CSS = `
:root {
  /* Colours */
  --chat--color-primary: #e74266;
  --chat--color-secondary: #20b69e;
  --chat--color-white: #ffffff;
  --chat--color-light: #f2f4f8;
  --chat--color-dark: #101330;

  /* Layout */
  --chat--spacing: 1rem;
  --chat--border-radius: 0.25rem;
  --chat--header--background: var(--chat--color-dark);
  --chat--header--color: var(--chat--color-light);
  --chat--message--bot--background: var(--chat--color-white);
  --chat--message--bot--color: var(--chat--color-dark);
  --chat--message--user--background: var(--chat--color-secondary);
  --chat--message--user--color: var(--chat--color-white);
  --chat--body--background: var(--chat--color-light);
}

/* Any class can be overridden as well: inspect the chat page to find the one to change. */
.chat-message {
  max-width: 50%;
}
`.trim();

/** The page's own rules; the user's styling is added after them, so it wins. */
export const BASE_CSS = `
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body {
  font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Ubuntu, 'Helvetica Neue', sans-serif;
  background: var(--chat--body--background, #f2f4f8); color: var(--chat--message--bot--color, #101330);
}
.chat-layout { display: flex; flex-direction: column; height: 100%; max-width: 960px; margin: 0 auto; }
.chat-header {
  padding: var(--chat--spacing, 1rem); background: var(--chat--header--background, #101330);
  color: var(--chat--header--color, #f2f4f8);
}
.chat-header h1 { margin: 0 0 0.25rem; font-size: 2em; }
.chat-header p { margin: 0; line-height: 1.8; }
.chat-body { flex: 1; overflow-y: auto; padding: var(--chat--spacing, 1rem); display: flex; flex-direction: column; }
.chat-message {
  padding: var(--chat--spacing, 1rem); border-radius: var(--chat--border-radius, 0.25rem);
  margin-bottom: var(--chat--spacing, 1rem); line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere;
}
.chat-message-from-bot { align-self: flex-start; background: var(--chat--message--bot--background, #fff); color: var(--chat--message--bot--color, #101330); }
.chat-message-from-user { align-self: flex-end; background: var(--chat--message--user--background, #20b69e); color: var(--chat--message--user--color, #fff); }
.chat-message-error { border: 1px solid var(--chat--color-primary, #e74266); }
.chat-typing { opacity: 0.6; font-style: italic; }
.chat-footer { display: flex; gap: 0.5rem; padding: var(--chat--spacing, 1rem); background: var(--chat--footer--background, #f2f4f8); }
.chat-input {
  flex: 1; min-height: 50px; max-height: 30rem; padding: 0.8rem; font: inherit; resize: vertical;
  border: 1px solid #d2d4d9; border-radius: var(--chat--border-radius, 0.25rem); background: var(--chat--color-white, #fff);
}
.chat-button {
  padding: 0.5rem 1rem; border: 0; border-radius: var(--chat--border-radius, 0.25rem); cursor: pointer; font: inherit;
  background: var(--chat--button--background, var(--chat--color-primary, #e74266)); color: var(--chat--button--color, #f2f4f8);
}
.chat-button:disabled { opacity: 0.5; cursor: default; }
.chat-welcome { flex: 1; display: flex; align-items: center; justify-content: center; }
.chat-files { font-size: 0.85em; opacity: 0.8; }
[hidden] { display: none !important; }
body.chat-embedded .chat-layout { max-width: none; }
body.chat-embedded .chat-header h1 { font-size: 1.4em; }
body.chat-embedded .chat-message { max-width: 85%; }
`.trim();
