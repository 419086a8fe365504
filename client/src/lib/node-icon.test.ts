// nodeIconUrl: only community types with a `file:` icon get a server address, the type encoded.
import { describe, expect, it } from 'vitest';
import { nodeIconUrl } from './node-icon.ts';

describe('nodeIconUrl', () => {
  it('points community file icons at the icon route, scoped names encoded', () => {
    expect(nodeIconUrl('n8n-nodes-foo.bar', 'file:bar.svg')).toBe('/api/v1/node-icons/n8n-nodes-foo.bar');
    expect(nodeIconUrl('@acme/n8n-nodes-x.y', 'file:y.png')).toBe('/api/v1/node-icons/%40acme%2Fn8n-nodes-x.y');
  });

  it('leaves built-in types, font icons and missing icons to the glyph', () => {
    expect(nodeIconUrl('n8n-nodes-base.set', 'file:set.svg')).toBeUndefined();
    expect(nodeIconUrl('n8n-nodes-foo.bar', 'fa:code')).toBeUndefined();
    expect(nodeIconUrl('n8n-nodes-foo.bar', undefined)).toBeUndefined();
  });
});
