// The YouTube OAuth2 credential test: channels.list for the signed-in user (mine=true, part=id).
import { checkGoogleToken } from '../google-shared/google-token-check.ts';
import { youTubeBaseUrl } from './you-tube-api.ts';

export function testYouTubeOAuth2Credential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  return checkGoogleToken(data, { method: 'GET', url: `${youTubeBaseUrl()}/youtube/v3/channels?part=id&mine=true` }, timeoutMs, options.blockPrivateNetworks);
}
