// Jira's credential types with n8n's names and fields: Cloud (email + API token, Basic auth),
// Server / Data Center (email + password, Basic auth) and Server with a personal access token
// (Bearer). Each holds the site's domain, under which the REST API lives at /rest.
import { credentialField, type CredentialType } from '../../domain/index.ts';

const domain = credentialField.text('domain', 'Domain', { required: true, format: 'url', description: 'e.g. https://example.atlassian.net' });

export const jiraSoftwareCloudApi: CredentialType = {
  name: 'jiraSoftwareCloudApi', displayName: 'Jira SW Cloud API', testable: true, documentationUrl: 'jira',
  fields: [credentialField.text('email', 'Email', { required: true }), credentialField.secret('apiToken', 'API Token', { required: true }), domain],
};

export const jiraSoftwareServerApi: CredentialType = {
  name: 'jiraSoftwareServerApi', displayName: 'Jira SW Server API', testable: true, documentationUrl: 'jira',
  fields: [credentialField.text('email', 'Email', { required: true }), credentialField.secret('password', 'Password', { required: true }), domain],
};

export const jiraSoftwareServerPatApi: CredentialType = {
  name: 'jiraSoftwareServerPatApi', displayName: 'Jira SW Server (PAT) API', testable: true, documentationUrl: 'jira',
  fields: [credentialField.secret('personalAccessToken', 'Personal Access Token', { required: true }), domain],
};
