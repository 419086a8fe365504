// Writes a hand-compiled community package (CommonJS, as n8n's tooling emits) whose credential
// types and editor methods no single popular package covers: a generic-auth type with a `test`
// request, one tested by a node's `methods.credentialTest`, two OAuth2 types (`extends:
// ['oAuth2Api']`), and a node with `methods.loadOptions` and `methods.listSearch`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const METHODS_PACKAGE = 'n8n-nodes-weft-methods';
export const METHODS_NODE = `${METHODS_PACKAGE}.weftMethods`;

const API_CREDENTIAL = String.raw`"use strict";
class WeftFixtureApi {
  constructor() {
    this.name = 'weftFixtureApi';
    this.displayName = 'Weft Fixture API';
    this.documentationUrl = 'https://example.com/docs';
    this.properties = [
      { displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '', required: true },
      { displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '', required: true },
      { displayName: 'Region', name: 'region', type: 'options', options: [{ name: 'EU', value: 'eu' }, { name: 'US', value: 'us' }], default: 'eu' },
      { displayName: 'Keep the key private', name: 'notice', type: 'notice', default: '' },
    ];
    this.authenticate = { type: 'generic', properties: { headers: { 'X-API-KEY': '={{$credentials.apiKey}}' } } };
    this.test = {
      request: { baseURL: '={{$credentials.baseUrl}}', url: '/me' },
      rules: [{ type: 'responseCode', properties: { value: 401, message: 'The API key was refused' } }],
    };
  }
}
exports.WeftFixtureApi = WeftFixtureApi;
`;

const TESTED_CREDENTIAL = String.raw`"use strict";
class WeftTestedApi {
  constructor() {
    this.name = 'weftTestedApi';
    this.displayName = 'Weft Tested API';
    this.properties = [
      { displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '', required: true },
      { displayName: 'Token', name: 'token', type: 'string', typeOptions: { password: true }, default: '', required: true },
    ];
  }
}
exports.WeftTestedApi = WeftTestedApi;
`;

const CLIENT_OAUTH2_CREDENTIAL = (tokenUrl: string) => String.raw`"use strict";
class WeftClientOAuth2Api {
  constructor() {
    this.name = 'weftClientOAuth2Api';
    this.extends = ['oAuth2Api'];
    this.displayName = 'Weft Client OAuth2 API';
    this.properties = [
      { displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
      { displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: '${tokenUrl}' },
      { displayName: 'Scope', name: 'scope', type: 'hidden', default: 'read write' },
      { displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
    ];
  }
}
exports.WeftClientOAuth2Api = WeftClientOAuth2Api;
`;

const CODE_OAUTH2_CREDENTIAL = (authUrl: string) => String.raw`"use strict";
class WeftCodeOAuth2Api {
  constructor() {
    this.name = 'weftCodeOAuth2Api';
    this.extends = ['weftClientOAuth2Api'];
    this.displayName = 'Weft Code OAuth2 API';
    this.properties = [
      { displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
      { displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: '${authUrl}' },
      { displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: 'access_type=offline' },
    ];
  }
}
exports.WeftCodeOAuth2Api = WeftCodeOAuth2Api;
`;

const METHODS_NODE_JS = String.raw`"use strict";
class WeftMethods {
  constructor() {
    this.description = {
      displayName: 'Weft Methods', name: 'weftMethods', group: ['transform'], version: [1, 2], description: 'x',
      defaults: { name: 'Weft Methods' }, inputs: ['main'], outputs: ['main'],
      credentials: [{ name: 'weftFixtureApi', required: true }, { name: 'weftTestedApi', testedBy: 'checkToken' }],
      properties: [
        { displayName: 'Team', name: 'team', type: 'string', default: 'core' },
        { displayName: 'Project', name: 'project', type: 'options', typeOptions: { loadOptionsMethod: 'getProjects', loadOptionsDependsOn: ['team'] }, default: '' },
        { displayName: 'Doc', name: 'doc', type: 'resourceLocator', default: { __rl: true, mode: 'list', value: '' },
          modes: [{ displayName: 'From list', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchDocs', searchable: true } },
                  { displayName: 'URL', name: 'url', type: 'string', extractValue: { type: 'regex', regex: 'https://docs\\.example\\.com/d/([a-z0-9]+)' } }] },
      ],
    };
    this.methods = {
      loadOptions: {
        async getProjects() {
          const creds = await this.getCredentials('weftFixtureApi');
          const team = this.getCurrentNodeParameter('team');
          const doc = this.getNodeParameter('doc', undefined, { extractValue: true });
          const list = await this.helpers.httpRequestWithAuthentication.call(this, 'weftFixtureApi', { url: creds.baseUrl + '/projects', qs: { team, doc }, json: true });
          return list.map((p) => ({ name: p.title, value: p.id, description: 'in ' + team + ' (' + creds.region + ')' }));
        },
        async getNothing() { return 'not a list'; },
      },
      listSearch: {
        async searchDocs(filter, paginationToken) {
          const creds = await this.getCredentials('weftFixtureApi');
          const page = await this.helpers.requestWithAuthentication.call(this, 'weftFixtureApi', { uri: creds.baseUrl + '/docs', qs: { q: filter || '', page: paginationToken || '1' }, json: true });
          return { results: page.items.map((d) => ({ name: d.title, value: d.id, url: 'https://docs.example.com/d/' + d.id })), paginationToken: page.next };
        },
        async readsUndeclared() { return { results: [await this.getCredentials('weftClientOAuth2Api')] }; },
      },
      credentialTest: {
        async checkToken(credential) {
          const answer = await this.helpers.request({ uri: credential.data.baseUrl + '/check', headers: { authorization: 'Token ' + credential.data.token }, json: true, simple: false, resolveWithFullResponse: true });
          return answer.statusCode === 200 ? { status: 'OK', message: 'Token accepted for ' + answer.body.user } : { status: 'Error', message: 'Token refused' };
        },
      },
    };
  }
  async execute() {
    const creds = await this.getCredentials('weftFixtureApi');
    return [this.getInputData().map(() => ({ json: { region: creds.region, keyLength: creds.apiKey.length } }))];
  }
}
exports.WeftMethods = WeftMethods;
`;

/** Writes the package into `root` (a plain folder loadN8nPackages reads); URLs are the local servers'. */
export function writeMethodsPackage(root: string, oauth: { tokenUrl: string; authUrl: string }): void {
  const dir = join(root, METHODS_PACKAGE);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: METHODS_PACKAGE, version: '1.0.0', main: 'index.js', peerDependencies: { 'n8n-workflow': '*' },
    n8n: {
      n8nNodesApiVersion: 1, nodes: ['dist/WeftMethods.node.js'],
      // The child before its parent: registration orders them itself.
      credentials: ['dist/WeftFixtureApi.credentials.js', 'dist/WeftTestedApi.credentials.js', 'dist/WeftCodeOAuth2Api.credentials.js', 'dist/WeftClientOAuth2Api.credentials.js'],
    },
  }));
  writeFileSync(join(dir, 'dist/WeftMethods.node.js'), METHODS_NODE_JS);
  writeFileSync(join(dir, 'dist/WeftFixtureApi.credentials.js'), API_CREDENTIAL);
  writeFileSync(join(dir, 'dist/WeftTestedApi.credentials.js'), TESTED_CREDENTIAL);
  writeFileSync(join(dir, 'dist/WeftClientOAuth2Api.credentials.js'), CLIENT_OAUTH2_CREDENTIAL(oauth.tokenUrl));
  writeFileSync(join(dir, 'dist/WeftCodeOAuth2Api.credentials.js'), CODE_OAUTH2_CREDENTIAL(oauth.authUrl));
}
