// The Google Analytics OAuth2 credential test: the Admin API's account list, readable with the Analytics scopes.
import { checkGoogleToken } from '../google-shared/google-token-check.ts';
import { analyticsUrls } from './google-analytics-api.ts';

export function testGoogleAnalyticsOAuth2Credential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  return checkGoogleToken(data, { method: 'GET', url: `${analyticsUrls.admin()}/v1alpha/accounts` }, timeoutMs, options.blockPrivateNetworks);
}
