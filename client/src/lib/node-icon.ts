// Where the editor finds a node's picture: community node types name a file inside their package
// (`file:foo.svg`), which the server hands out at /api/v1/node-icons/<type>. Built-in types and
// other icons (`fa:…`) keep the drawn glyph.

/** The icon's address for a community type with a file icon, else undefined. */
export function nodeIconUrl(type: string, icon: string | undefined): string | undefined {
  if (!icon?.startsWith('file:') || type.startsWith('n8n-nodes-base.')) return undefined;
  return `/api/v1/node-icons/${encodeURIComponent(type)}`;
}
