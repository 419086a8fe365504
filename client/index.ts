// The Svelte editor: arrives with the editor issue.
export {};
