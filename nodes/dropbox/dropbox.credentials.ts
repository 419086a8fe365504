// Dropbox's credential types with n8n's names and fields: an access token (with the app's access
// type, which decides whether paths start at the team root), or OAuth2 with Dropbox's fixed URLs.
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

const accessType: CredentialField = {
  name: 'accessType', displayName: 'APP Access Type', type: 'options', required: false, default: 'full', secret: false,
  options: [{ name: 'App Folder', value: 'folder' }, { name: 'Full Dropbox', value: 'full' }],
};

export const dropboxApi: CredentialType = {
  name: 'dropboxApi', displayName: 'Dropbox API', testable: true, documentationUrl: 'dropbox',
  fields: [credentialField.secret('accessToken', 'Access Token', { required: true }), accessType],
};

const SCOPES = [
  'account_info.write', 'account_info.read', 'files.metadata.write', 'files.metadata.read', 'files.content.write', 'files.content.read',
  'sharing.write', 'sharing.read', 'file_requests.write', 'file_requests.read', 'contacts.write', 'contacts.read', 'profile', 'openid', 'email',
  'team_info.write', 'team_info.read', 'team_data.member', 'team_data.team_space', 'team_data.governance.write', 'team_data.governance.read',
  'team_data.content.write', 'team_data.content.read', 'files.team_metadata.write', 'files.team_metadata.read', 'files.permanent_delete',
  'members.write', 'members.read', 'members.delete', 'groups.write', 'groups.read', 'sessions.modify', 'sessions.list', 'events.write', 'events.read',
];

/** Dropbox's fixed OAuth2 settings (n8n's hidden fields). */
const FIXED: Record<string, string> = {
  grantType: 'authorizationCode',
  authUrl: 'https://www.dropbox.com/oauth2/authorize',
  accessTokenUrl: 'https://api.dropboxapi.com/oauth2/token',
  scope: SCOPES.join(' '),
  authQueryParameters: 'token_access_type=offline&force_reapprove=true',
  authentication: 'header',
};

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

export const dropboxOAuth2Api: CredentialType = {
  name: 'dropboxOAuth2Api', displayName: 'Dropbox OAuth2 API', testable: true, extends: ['oAuth2Api'], documentationUrl: 'dropbox',
  fields: [
    ...oauth2Fields.map((field): CredentialField => (field.name in FIXED
      ? { ...field, default: FIXED[field.name], hidden: true, required: false, showWhen: undefined }
      : field)),
    accessType,
  ],
};
