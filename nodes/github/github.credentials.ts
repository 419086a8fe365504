// GitHub's credential types with n8n's names and fields: a personal access token (githubApi) or
// OAuth2 (githubOAuth2Api), each with the API server (api.github.com, or a GitHub Enterprise host).
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

const server = credentialField.text('server', 'Github Server', {
  default: 'https://api.github.com', description: 'The API server: https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server',
});

export const githubApi: CredentialType = {
  name: 'githubApi', displayName: 'GitHub API', testable: true, documentationUrl: 'github',
  authenticate: { type: 'generic', properties: { headers: { Authorization: '=token {{$credentials.accessToken}}' } } },
  fields: [
    server,
    credentialField.text('user', 'User', { default: '' }),
    credentialField.secret('accessToken', 'Access Token', { required: true }),
  ],
};

/** GitHub's fixed OAuth2 settings (n8n's hidden fields); the URLs follow the server for Enterprise hosts in n8n, github.com here. */
const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://github.com/login/oauth/authorize',
  accessTokenUrl: 'https://github.com/login/oauth/access_token',
  scope: 'repo,admin:repo_hook,admin:org,admin:org_hook,gist,notifications,user,write:packages,read:packages,delete:packages,workflow',
  authQueryParameters: '',
  authentication: 'header',
};

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const githubOAuth2Api: CredentialType = {
  name: 'githubOAuth2Api', displayName: 'GitHub OAuth2 API', testable: true, extends: ['oAuth2Api'], documentationUrl: 'github',
  fields: [
    server,
    ...oauth2Fields.map((field): CredentialField => (field.name in FIXED
      ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
      : field)),
  ],
};
