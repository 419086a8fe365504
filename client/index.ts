// The browser editor is an app, not a library: its source is client/src (Svelte 5 + Svelte Flow,
// built by Vite into client/dist, which the server serves); nothing here is imported elsewhere.
export {};
