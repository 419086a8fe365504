// The Google Cloud Natural Language node against a local stand-in of the Natural Language API v1
// (natural-language-stand-in.ts, written from Google's REST reference): request body, token, output.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testGoogleCloudNaturalLanguageOAuth2Credential } from './google-cloud-natural-language-credential-test.ts';
import { GOOD_TOKEN, startNaturalLanguageStandIn, type LanguageStandIn } from './natural-language-stand-in.ts';

let api: LanguageStandIn;
const saved = process.env.WEFT_GOOGLE_NATURAL_LANGUAGE_API_URL;
const credentials = { googleCloudNaturalLanguageOAuth2Api: { oauthTokenData: { access_token: GOOD_TOKEN } } };

beforeAll(async () => {
  api = await startNaturalLanguageStandIn();
  process.env.WEFT_GOOGLE_NATURAL_LANGUAGE_API_URL = api.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_GOOGLE_NATURAL_LANGUAGE_API_URL;
  else process.env.WEFT_GOOGLE_NATURAL_LANGUAGE_API_URL = saved;
  await api.close();
});
beforeEach(() => {
  api.seen.length = 0;
});

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Sentiment', type: 'n8n-nodes-base.googleCloudNaturalLanguage', typeVersion: 1, parameters, continueOnFail,
  credentials: { googleCloudNaturalLanguageOAuth2Api: { id: '1', name: 'Google' } },
});

describe('Google Cloud Natural Language', () => {
  it('analyzes the sentiment of content per item with n8n’s defaults (PLAIN_TEXT, UTF16, no language)', async () => {
    const result = await runChain([node({ content: '={{ $json.text }}' })], { items: [{ json: { text: 'I love it. Great work!' } }, { json: { text: 'This is terrible.' } }], credentials });
    const out = outputOf(result, 'Sentiment');
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({ json: { documentSentiment: { magnitude: 1.8, score: 0.9 }, language: 'en', sentences: [
      { text: { content: 'I love it.', beginOffset: 0 }, sentiment: { magnitude: 0.9, score: 0.9 } },
      { text: { content: 'Great work!', beginOffset: 11 }, sentiment: { magnitude: 0.9, score: 0.9 } },
    ] }, pairedItem: { item: 0 } });
    expect((out[1].json.documentSentiment as { score: number }).score).toBe(-0.8);
    expect(api.seen[0]).toMatchObject({ method: 'POST', path: '/v1/documents:analyzeSentiment', authorization: `Bearer ${GOOD_TOKEN}`, contentType: 'application/json' });
    expect(api.seen[0].body).toEqual({ document: { type: 'PLAIN_TEXT', content: 'I love it. Great work!' }, encodingType: 'UTF16' });
  });

  it('sends a Cloud Storage URI, the document type, encoding and language from the options; waits out a 429', async () => {
    api.rateLimitOnce(0);
    const result = await runChain([node({ source: 'gcsContentUri', gcsContentUri: 'gs://bucket/review.html', options: { documentType: 'HTML', encodingType: 'UTF8', language: 'de' } })],
      { items: [{ json: {} }], credentials });
    expect(outputOf(result, 'Sentiment')[0].json.language).toBe('de');
    expect(api.seen).toHaveLength(2);
    expect(api.seen[1].body).toEqual({ document: { type: 'HTML', gcsContentUri: 'gs://bucket/review.html', language: 'de' }, encodingType: 'UTF8' });
  });

  it('fails with Google’s message, or gives an error item with continue on fail', async () => {
    const failed = await runChain([node({ content: ' ' })], { items: [{ json: {} }], credentials });
    expect(failed.data.resultData.error?.message).toBe('The document is empty.');
    const badToken = await runChain([node({ content: 'hi' }, true)], { items: [{ json: {} }], credentials: { googleCloudNaturalLanguageOAuth2Api: { oauthTokenData: { access_token: 'expired' } } } });
    expect(outputOf(badToken, 'Sentiment')[0].json.error).toMatch(/invalid authentication credentials/);
  });
});

describe('Google Cloud Natural Language credential test', () => {
  it('analyzes one word with the token, and repeats Google’s refusal', async () => {
    await expect(testGoogleCloudNaturalLanguageOAuth2Credential(credentials.googleCloudNaturalLanguageOAuth2Api, 5000)).resolves.toBe('Connection tested successfully');
    expect(api.seen[0].body).toEqual({ document: { type: 'PLAIN_TEXT', content: 'ok' }, encodingType: 'UTF8' });
    await expect(testGoogleCloudNaturalLanguageOAuth2Credential({ oauthTokenData: { access_token: 'x' } }, 5000)).rejects.toThrow(/^Google answered 401/);
  });
});
