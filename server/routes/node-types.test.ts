// Palette groups: community packages' nodes go under Integrations whatever n8n group they declare
// (their triggers under Triggers); built-in nodes keep n8n's places.
import { describe, expect, it } from 'vitest';
import type { NodeDescription } from '../../engine/index.ts';
import { paletteGroupOf } from './node-types.ts';

const described = (name: string, group: string[], extra: Partial<NodeDescription> = {}) =>
  ({ name, displayName: name, group, version: [1], description: '', defaults: { name }, inputs: ['main'], outputs: ['main'], properties: [], ...extra }) as unknown as NodeDescription;

describe('paletteGroupOf', () => {
  it('puts community nodes under Integrations, even a transform or one named like a built-in', () => {
    expect(paletteGroupOf(described('n8n-nodes-turndown-html-to-markdown.mdTurndown', ['transform']))).toBe('integration');
    expect(paletteGroupOf(described('n8n-nodes-foo.set', ['input']))).toBe('integration');
    expect(paletteGroupOf(described('@acme/n8n-nodes-bar.bar', ['output']))).toBe('integration');
  });

  it('keeps community triggers under Triggers and built-ins in their groups', () => {
    expect(paletteGroupOf(described('n8n-nodes-foo.fooTrigger', ['trigger']))).toBe('trigger');
    expect(paletteGroupOf(described('n8n-nodes-base.set', ['input']))).toBe('transform');
    expect(paletteGroupOf(described('n8n-nodes-base.if', ['transform']))).toBe('flow');
    expect(paletteGroupOf(described('n8n-nodes-base.sort', ['transform']))).toBe('transform');
  });
});
