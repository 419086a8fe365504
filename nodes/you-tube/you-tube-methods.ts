// The YouTube node's editor lists: languages (i18nLanguages), country codes, video categories of a
// region (videoCategories) and the user's playlists (playlists?mine=true).
import type { ExecuteContext, LoadedOption, NodeMethods } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { youTubeClient, youTubeRequestAll, type YouTubeClient } from './you-tube-api.ts';

async function withClient<T>(ctx: ExecuteContext, run: (client: YouTubeClient) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await run(youTubeClient(ctx, transport));
  } finally {
    await transport.close();
  }
}

/** ISO 3166 alpha-2 codes with their English names, from the runtime's region data. */
function countryCodes(): LoadedOption[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const options: LoadedOption[] = [];
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = `${a}${b}`;
      // User-assigned and grouping codes are not countries.
      if (/^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN)$/.test(code)) continue;
      const name = names.of(code);
      if (name && name !== code) options.push({ name: `${name} - ${code}`, value: code });
    }
  }
  return options;
}

export const youTubeMethods: NodeMethods = {
  loadOptions: {
    getLanguages: (ctx) => withClient(ctx, async (client) => (await youTubeRequestAll(client, '/youtube/v3/i18nLanguages', { part: 'snippet' }))
      .map((language) => ({ name: String(language.id).toUpperCase(), value: String(language.id) }))),
    getCountriesCodes: async () => countryCodes(),
    getVideoCategories: (ctx) => withClient(ctx, async (client) => {
      const regionCode = String(ctx.getNodeParameter('regionCode', 0, '') ?? '');
      return (await youTubeRequestAll(client, '/youtube/v3/videoCategories', { regionCode: regionCode || undefined, part: 'snippet' }))
        .map((category) => ({ name: String((category.snippet as { title?: string } | undefined)?.title ?? category.id), value: String(category.id) }));
    }),
    getPlaylists: (ctx) => withClient(ctx, async (client) => (await youTubeRequestAll(client, '/youtube/v3/playlists', { part: 'snippet', mine: true }))
      .map((playlist) => ({ name: String((playlist.snippet as { title?: string } | undefined)?.title ?? playlist.id), value: String(playlist.id) }))),
  },
};
