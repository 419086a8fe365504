// The Date & Time node's editor methods: the time zones a user can pick (n8n lists every IANA zone name).
import type { LoadedOption, NodeMethods } from '../../engine/index.ts';

function timeZoneNames(): string[] {
  const names = new Set(Intl.supportedValuesOf('timeZone'));
  names.add('UTC');
  return [...names].sort();
}

export const dateTimeMethods: NodeMethods = {
  loadOptions: {
    async getTimezones(): Promise<LoadedOption[]> {
      return timeZoneNames().map((zone) => ({ name: zone, value: zone }));
    },
  },
};
