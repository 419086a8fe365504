// X (Twitter)'s credential types with n8n's names and fields: OAuth 1.0a (API v1.1, HMAC-SHA1 signed
// requests) and OAuth2 with PKCE-era scopes (API v2), both with X's fixed endpoints as hidden defaults.
import { CREDENTIAL_TYPES, type CredentialField, type CredentialType } from '../../domain/index.ts';

function fixed(base: string, values: Record<string, string>): CredentialField[] {
  const fields = CREDENTIAL_TYPES.find((type) => type.name === base)?.fields ?? [];
  return fields.map((field): CredentialField => (field.name in values
    ? { ...field, default: values[field.name], hidden: true, required: false, showWhen: undefined }
    : field));
}

export const twitterOAuth1Api: CredentialType = {
  name: 'twitterOAuth1Api', displayName: 'X OAuth API', testable: true, extends: ['oAuth1Api'], documentationUrl: 'twitter',
  fields: fixed('oAuth1Api', {
    requestTokenUrl: 'https://api.twitter.com/oauth/request_token',
    authUrl: 'https://api.twitter.com/oauth/authorize',
    accessTokenUrl: 'https://api.twitter.com/oauth/access_token',
    signatureMethod: 'HMAC-SHA1',
  }),
};

export const twitterOAuth2Api: CredentialType = {
  name: 'twitterOAuth2Api', displayName: 'X OAuth2 API', testable: true, extends: ['oAuth2Api'], documentationUrl: 'twitter',
  fields: fixed('oAuth2Api', {
    // X requires PKCE for OAuth 2.0 user context, as n8n's credential sets.
    grantType: 'pkce',
    authUrl: 'https://twitter.com/i/oauth2/authorize',
    accessTokenUrl: 'https://api.twitter.com/2/oauth2/token',
    scope: 'tweet.read users.read tweet.write offline.access like.read like.write follows.read follows.write dm.read dm.write list.read list.write',
    authQueryParameters: '',
    authentication: 'header',
  }),
};
