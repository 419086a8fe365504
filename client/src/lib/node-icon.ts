// Where the editor finds a node's picture: a type with a file icon (`file:foo.svg`, a file beside the
// node's code, built in or from a community package) has it at /api/v1/node-icons/<type>. Other
// icons (`fa:…`) and types whose picture does not load keep the drawn glyph.

/** The icon's address for a type with a file icon, else undefined. */
export function nodeIconUrl(type: string, icon: string | undefined): string | undefined {
  if (!icon?.startsWith('file:')) return undefined;
  return `/api/v1/node-icons/${encodeURIComponent(type)}`;
}
