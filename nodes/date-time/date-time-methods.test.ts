import { describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { dateTimeNode } from './date-time.node.ts';

const env = { getCredentials: async () => ({}), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };

describe('Date & Time editor methods', () => {
  it('getTimezones lists IANA zone names, name and value alike', async () => {
    const answer = await runNodeMethod({ nodeType: dateTimeNode, typeVersion: 2, kind: 'loadOptions', method: 'getTimezones', currentNodeParameters: {} }, env);
    const options = (answer as { options: Array<{ name: string; value: unknown }> }).options;
    expect(options.length).toBeGreaterThan(300);
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo']) expect(options).toContainEqual({ name: zone, value: zone });
    expect(options.every((option) => option.name === option.value)).toBe(true);
  });
});
