// n8n's `microsoftTeamsOAuth2Api`: the Microsoft identity platform's OAuth2 (the shared
// `microsoftOAuth2Api` base of the Outlook folder) with the Teams node's scopes fixed.
import type { CredentialField, CredentialType } from '../../domain/index.ts';
import { microsoftOAuth2Api } from '../microsoft-outlook/microsoft-outlook.credentials.ts';

/** The scopes n8n's Teams credential asks for: teams, channels and Planner through groups, chats, channel messages. */
export const TEAMS_SCOPES = ['openid', 'offline_access', 'User.ReadWrite.All', 'Group.ReadWrite.All', 'Chat.ReadWrite', 'ChannelMessage.Read.All'];

const withScope = (fields: readonly CredentialField[]): CredentialField[] => fields.map((field) => (field.name === 'scope'
  ? { ...field, default: TEAMS_SCOPES.join(' '), hidden: true, required: false, showWhen: undefined }
  : field));

export const microsoftTeamsOAuth2Api: CredentialType = {
  name: 'microsoftTeamsOAuth2Api', displayName: 'Microsoft Teams OAuth2 API', testable: true, extends: ['microsoftOAuth2Api'], documentationUrl: 'microsoft',
  fields: withScope(microsoftOAuth2Api.fields),
};
