// The gmailOAuth2 credential test: users.getProfile with the token the OAuth2 flow stored.
import { checkGoogleToken } from '../google-shared/google-token-check.ts';
import { gmailBaseUrl } from './gmail-api.ts';

export function testGmailOAuth2Credential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  return checkGoogleToken(data, { method: 'GET', url: `${gmailBaseUrl()}/gmail/v1/users/me/profile`, service: 'Gmail' }, timeoutMs, options.blockPrivateNetworks);
}
