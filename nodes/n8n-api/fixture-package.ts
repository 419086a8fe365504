// Writes a small community package as n8n's tooling compiles one (CommonJS, `require("n8n-workflow")`,
// package.json `n8n` field) into a plain folder, to test what no popular package covers alone:
// every execute helper, versioned nodes, a declarative node, a trigger, and a package that breaks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HELPERS_NODE = String.raw`"use strict";
const n8n_workflow_1 = require("n8n-workflow");
class Helpers {
  constructor() {
    this.description = {
      displayName: 'Helpers', name: 'helpers', group: ['transform'], version: 1, description: 'x',
      defaults: { name: 'Helpers' }, inputs: [n8n_workflow_1.NodeConnectionTypes.Main], outputs: [{ type: 'main' }],
      credentials: [{ name: 'fixtureApi', required: true }, { name: 'fixtureOAuth2Api' }],
      properties: [
        { displayName: 'Base', name: 'base', type: 'string', default: '' },
        { displayName: 'Limit', name: 'limit', type: 'number', default: 5 },
        { displayName: 'Fail', name: 'fail', type: 'boolean', default: false },
        { displayName: 'Doc', name: 'doc', type: 'resourceLocator', default: { __rl: true, mode: 'id', value: '' },
          modes: [{ displayName: 'ID', name: 'id', type: 'string' },
                  { displayName: 'URL', name: 'url', type: 'string', extractValue: { type: 'regex', regex: 'https://docs\\.example\\.com/d/([a-z0-9]+)' } }] },
        { displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [{ displayName: 'Suffix', name: 'suffix', type: 'string', default: '' }] },
      ],
    };
  }
  async execute() {
    const items = this.getInputData();
    const out = [];
    for (let i = 0; i < items.length; i++) {
      const base = this.getNodeParameter('base', i);
      if (this.getNodeParameter('fail', i)) {
        try {
          await this.helpers.httpRequest({ url: base + '/status/404', json: true });
        } catch (error) {
          if (this.continueOnFail()) { out.push({ json: { error: error.message }, pairedItem: i }); continue; }
          throw new n8n_workflow_1.NodeApiError(this.getNode(), error, { itemIndex: i });
        }
      }
      const posted = await this.helpers.httpRequest({ method: 'POST', url: base + '/echo', body: { a: 1 }, qs: { q: 'x' }, json: true });
      const legacy = await this.helpers.request({ uri: base + '/echo', method: 'GET', qs: { n: 2 }, json: true, resolveWithFullResponse: true });
      const bytes = await this.helpers.request({ uri: base + '/bytes', encoding: null });
      const signed = await this.helpers.httpRequestWithAuthentication.call(this, 'fixtureApi', { url: base + '/echo', json: true });
      const viaOAuth2 = await this.helpers.requestOAuth2.call(this, 'fixtureOAuth2Api', { uri: base + '/echo', json: true });
      const creds = await this.getCredentials('fixtureApi');
      const input = await this.helpers.getBinaryDataBuffer(i, 'file');
      const binary = await this.helpers.prepareBinaryData(Buffer.from(input.toString('utf8').toUpperCase()), 'upper.txt');
      const data = this.getWorkflowStaticData('node');
      data.count = (data.count || 0) + 1;
      const json = {
        limit: this.getNodeParameter('limit', i),
        docId: this.getNodeParameter('doc', i, undefined, { extractValue: true }),
        docRaw: this.getNodeParameter('doc', i),
        suffix: this.getNodeParameter('options.suffix', i, 'none'),
        posted: { method: posted.method, url: posted.url, body: posted.body },
        legacyStatus: legacy.statusCode, legacyUrl: legacy.body.url,
        bytesIsBuffer: Buffer.isBuffer(bytes), bytes: Array.from(bytes),
        signedKey: signed.headers['x-api-key'], oauth2Authorization: viaOAuth2.headers.authorization, credsUser: creds.user,
        workflow: this.getWorkflow().name, executionId: this.getExecutionId(), mode: this.getMode(), timezone: this.getTimezone(),
        sum: this.evaluateExpression('{{ $json.n + 2 }}', i), count: data.count, node: this.getNode().name,
      };
      out.push(...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(json), { itemData: { item: i } }).map((it) => ({ ...it, binary: { upper: binary } })));
    }
    return [out];
  }
}
exports.Helpers = Helpers;
`;

const VERSIONED_NODE = String.raw`"use strict";
const n8n_workflow_1 = require("n8n-workflow");
const base = { displayName: 'Versioned', name: 'versioned', group: ['transform'], description: 'v', defaultVersion: 2, icon: 'file:v.svg' };
const props = (v) => ({ ...base, version: v, defaults: { name: 'Versioned' }, inputs: ['main'], outputs: ['main'], properties: [] });
class V1 { constructor() { this.description = props(1); } async execute() { return [this.getInputData().map((it) => ({ json: { ...it.json, v: 1 } }))]; } }
class V2 { constructor() { this.description = props([2, 2.1]); } async execute() { return this.prepareOutputData(this.getInputData().map((it) => ({ json: { ...it.json, v: 2 } }))); } }
class Versioned extends n8n_workflow_1.VersionedNodeType {
  constructor() { const v2 = new V2(); super({ 1: new V1(), 2: v2, 2.1: v2 }, base); }
}
exports.Versioned = Versioned;
`;

const DECLARATIVE_NODE = (baseURL: string) => String.raw`"use strict";
class Decl {
  constructor() {
    this.description = {
      displayName: 'Decl', name: 'decl', group: ['transform'], version: 1, description: 'd', defaults: { name: 'Decl' },
      inputs: ['main'], outputs: ['main'], requestDefaults: { baseURL: ${JSON.stringify(baseURL)}, headers: { Accept: 'application/json' } },
      properties: [{ displayName: 'Op', name: 'op', type: 'options', default: 'list', noDataExpression: true,
        options: [{ name: 'List', value: 'list', routing: { request: { method: 'GET', url: '/things' } } }] }],
    };
  }
}
exports.Decl = Decl;
`;

const TRIGGER_NODE = String.raw`"use strict";
class Trig {
  constructor() { this.description = { displayName: 'Trig', name: 'trig', group: ['trigger'], version: 1, description: 't', defaults: { name: 'Trig' }, inputs: [], outputs: ['main'], properties: [] }; }
  async trigger() { return { manualTriggerFunction: async () => this.emit([this.helpers.returnJsonArray([{ manual: this.getActivationMode() }])]) }; }
}
exports.Trig = Trig;
`;

const CREDENTIAL = String.raw`"use strict";
class FixtureApi {
  constructor() {
    this.name = 'fixtureApi';
    this.displayName = 'Fixture API';
    this.properties = [{ displayName: 'Key', name: 'apiKey', type: 'string', default: '' }, { displayName: 'User', name: 'user', type: 'string', default: '' }];
    this.authenticate = { type: 'generic', properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } } };
  }
}
exports.FixtureApi = FixtureApi;
`;

const OAUTH2_CREDENTIAL = String.raw`"use strict";
class FixtureOAuth2Api {
  constructor() {
    this.name = 'fixtureOAuth2Api';
    this.displayName = 'Fixture OAuth2 API';
    this.extends = ['oAuth2Api'];
    this.properties = [{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' }];
  }
}
exports.FixtureOAuth2Api = FixtureOAuth2Api;
`;

function writePackage(root: string, name: string, version: string, n8n: object, files: Record<string, string>): void {
  const dir = join(root, name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, main: 'index.js', n8n, peerDependencies: { 'n8n-workflow': '*' } }));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
}

/** Writes the fixture packages (one good, one broken, one not an n8n package) into `root`. */
export function writeFixturePackages(root: string, baseURL: string): void {
  writePackage(root, 'n8n-nodes-weft-fixture', '1.2.3', {
    n8nNodesApiVersion: 1,
    nodes: ['dist/Helpers.node.js', 'dist/Versioned.node.js', 'dist/Decl.node.js', 'dist/Trig.node.js'],
    credentials: ['dist/FixtureApi.credentials.js', 'dist/FixtureOAuth2Api.credentials.js'],
  }, {
    'dist/Helpers.node.js': HELPERS_NODE, 'dist/Versioned.node.js': VERSIONED_NODE, 'dist/Decl.node.js': DECLARATIVE_NODE(baseURL),
    'dist/Trig.node.js': TRIGGER_NODE, 'dist/FixtureApi.credentials.js': CREDENTIAL, 'dist/FixtureOAuth2Api.credentials.js': OAUTH2_CREDENTIAL,
  });
  writePackage(root, 'n8n-nodes-weft-broken', '0.0.1', { n8nNodesApiVersion: 1, nodes: ['dist/Bad.node.js'] }, {
    'dist/Bad.node.js': '"use strict"; throw new Error("broken at load");',
  });
  mkdirSync(join(root, 'left-pad'), { recursive: true });
  writeFileSync(join(root, 'left-pad', 'package.json'), JSON.stringify({ name: 'left-pad', version: '1.0.0' }));
}
