// The Natural Language OAuth2 credential test: a one-word analyzeSentiment (the API has no free read call).
import { checkGoogleToken } from '../google-shared/google-token-check.ts';
import { naturalLanguageBaseUrl } from './google-cloud-natural-language.node.ts';

export function testGoogleCloudNaturalLanguageOAuth2Credential(data: Record<string, unknown>, timeoutMs: number, options: { blockPrivateNetworks?: boolean } = {}): Promise<string> {
  return checkGoogleToken(data, {
    method: 'POST', url: `${naturalLanguageBaseUrl()}/v1/documents:analyzeSentiment`, json: { document: { type: 'PLAIN_TEXT', content: 'ok' }, encodingType: 'UTF8' },
  }, timeoutMs, options.blockPrivateNetworks);
}
