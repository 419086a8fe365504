// Google's credential types with n8n's names and fields: a service account (signed JWT exchanged for
// a token), and OAuth2 against Google's endpoints; each Google service adds its own scopes on top.
import { CREDENTIAL_TYPES, credentialField, type CredentialField, type CredentialType } from '../../domain/index.ts';

export const googleApi: CredentialType = {
  name: 'googleApi', displayName: 'Google Service Account API', testable: true, documentationUrl: 'google/service-account',
  fields: [
    credentialField.text('email', 'Service Account Email', { required: true, description: 'The Google Service account similar to user-808@project.iam.gserviceaccount.com' }),
    credentialField.secret('privateKey', 'Private Key', { required: true, description: 'Enter the private key located in the JSON file downloaded from Google Cloud Console' }),
    // n8n spells this field "inpersonate"; stored credentials carry that name.
    { ...credentialField.flag('inpersonate', 'Impersonate a User', false), required: false },
    credentialField.text('delegatedEmail', 'Email', { showWhen: { inpersonate: [true] },
      description: 'The email address of the user for which the application is requesting delegated access' }),
    { ...credentialField.flag('httpNode', 'Set up for use in HTTP Request node', false), required: false },
    credentialField.text('scopes', 'Scope(s)', { default: '', showWhen: { httpNode: [true] } }),
  ],
};

const oauth2Fields = CREDENTIAL_TYPES.find((type) => type.name === 'oAuth2Api')?.fields ?? [];

/** Google's fixed OAuth2 settings (n8n's hidden fields); offline access so a refresh token comes back. */
const googleFixed = (scope: string): Record<string, string> => ({
  grantType: 'authorizationCode',
  authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  accessTokenUrl: 'https://oauth2.googleapis.com/token',
  authQueryParameters: 'access_type=offline&prompt=consent',
  authentication: 'body',
  ...(scope ? { scope } : {}),
});

function googleOAuth2Type(name: string, displayName: string, scope: string, extendsTypes: string[]): CredentialType {
  const fixed = googleFixed(scope);
  return {
    name, displayName, testable: true, extends: extendsTypes, documentationUrl: 'google/oauth-single-service',
    fields: oauth2Fields.map((field): CredentialField => (field.name in fixed
      ? { ...field, default: fixed[field.name], hidden: true, required: false, showWhen: undefined }
      : field)),
  };
}

/** Generic Google OAuth2: the user gives the scopes. */
export const googleOAuth2Api = googleOAuth2Type('googleOAuth2Api', 'Google OAuth2 API', '', ['oAuth2Api']);

export const GOOGLE_SHEETS_SCOPES = ['https://www.googleapis.com/auth/drive.file', 'https://www.googleapis.com/auth/spreadsheets'];

export const googleSheetsOAuth2Api = googleServiceOAuth2Type('googleSheetsOAuth2Api', 'Google Sheets OAuth2 API', GOOGLE_SHEETS_SCOPES);

/** A single-service Google OAuth2 type as n8n declares them: extends googleOAuth2Api, with the service's scopes fixed. */
export function googleServiceOAuth2Type(name: string, displayName: string, scopes: readonly string[]): CredentialType {
  return googleOAuth2Type(name, displayName, scopes.join(' '), ['googleOAuth2Api']);
}
