// nodeIconUrl: types with a `file:` icon get a server address, the type encoded.
import { describe, expect, it } from 'vitest';
import { nodeIconUrl } from './node-icon.ts';

describe('nodeIconUrl', () => {
  it('points file icons at the icon route, built in or community, scoped names encoded', () => {
    expect(nodeIconUrl('n8n-nodes-foo.bar', 'file:bar.svg')).toBe('/api/v1/node-icons/n8n-nodes-foo.bar');
    expect(nodeIconUrl('@acme/n8n-nodes-x.y', 'file:y.png')).toBe('/api/v1/node-icons/%40acme%2Fn8n-nodes-x.y');
    expect(nodeIconUrl('n8n-nodes-base.webhook', 'file:webhook.svg')).toBe('/api/v1/node-icons/n8n-nodes-base.webhook');
  });

  it('leaves font icons and missing icons to the glyph', () => {
    expect(nodeIconUrl('n8n-nodes-foo.bar', 'fa:code')).toBeUndefined();
    expect(nodeIconUrl('n8n-nodes-foo.bar', undefined)).toBeUndefined();
  });
});
