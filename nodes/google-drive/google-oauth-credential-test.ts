// A test for the Google OAuth2 credential types of the Drive, Docs and Sheets Trigger nodes (all
// hold a Drive scope): Drive's about.get with the stored access token answers who it belongs to.
import type { JsonObject } from '../../engine/index.ts';
import { checkGoogleToken } from '../google-shared/google-token-check.ts';
import { driveBaseUrl } from './google-api.ts';

export function testGoogleOAuth2Credential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  return checkGoogleToken(data, {
    method: 'GET', url: `${driveBaseUrl()}/drive/v3/about?fields=user`,
    describe: (answer) => {
      const email = (answer.user as JsonObject | undefined)?.emailAddress;
      return email ? `Connection tested successfully (${String(email)})` : 'Connection tested successfully';
    },
  }, timeoutMs, options.blockPrivateNetworks);
}
