// n8n's jotFormApi credential: an API key (sent as the APIKEY header) and the API domain of the
// account's region.
import { credentialField, type CredentialType } from '../../domain/index.ts';

export const jotFormApi: CredentialType = {
  name: 'jotFormApi', displayName: 'JotForm API', testable: true, documentationUrl: 'jotForm',
  fields: [
    credentialField.secret('apiKey', 'API Key'),
    {
      ...credentialField.choice('apiDomain', 'API Domain', ['api.jotform.com', 'eu-api.jotform.com'], 'api.jotform.com'),
      required: false, description: 'eu-api.jotform.com for accounts kept in the EU',
    },
  ],
};
