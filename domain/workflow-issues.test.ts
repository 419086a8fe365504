import { describe, expect, it } from 'vitest';
import type { NodeCredentialDescription, NodeProperty } from './node-properties.ts';
import type { WorkflowDefinition, WorkflowNode } from './workflow-definition.ts';
import { credentialDisplayName, registerCredentialTypes } from './credential-types.ts';
import { nodeIssues, type NodeTypeFacts } from './workflow-issues.ts';

const option = (value: string) => ({ name: value, value });

// The display names of the HTTP credential types that live beside their node (nodes/http-request).
registerCredentialTypes('test-nodes', [
  { name: 'httpBasicAuth', displayName: 'Basic Auth', testable: false, fields: [] },
  { name: 'httpHeaderAuth', displayName: 'Header Auth', testable: false, fields: [] },
]);

// Shaped like n8n's Webhook: the credential the Authentication choice names is shown and required.
const webhook: NodeTypeFacts = {
  name: 'n8n-nodes-base.webhook',
  properties: [
    { displayName: 'Path', name: 'path', type: 'string', default: '', required: true },
    { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'none', options: ['basicAuth', 'headerAuth', 'none'].map(option) },
    { displayName: 'Response Data', name: 'responseData', type: 'string', default: '', required: true, displayOptions: { show: { responseMode: ['lastNode'] } } },
    { displayName: 'Respond', name: 'responseMode', type: 'options', default: 'onReceived', options: ['onReceived', 'lastNode'].map(option) },
  ],
  credentials: [
    { name: 'httpBasicAuth', required: true, displayOptions: { show: { authentication: ['basicAuth'] } } },
    { name: 'httpHeaderAuth', required: true, displayOptions: { show: { authentication: ['headerAuth'] } } },
  ],
};

// Shaped like HTTP Request v4: one entry per type and Authentication mode; a resource locator and a version rule.
const http: NodeTypeFacts = {
  name: 'n8n-nodes-base.httpRequest',
  properties: [
    { displayName: 'URL', name: 'url', type: 'string', default: '', required: true },
    { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'none', options: ['none', 'genericCredentialType', 'predefinedCredentialType'].map(option) },
    { displayName: 'Generic Auth Type', name: 'genericAuthType', type: 'options', default: '', required: true, displayOptions: { show: { authentication: ['genericCredentialType'] } } },
    { displayName: 'Credential Type', name: 'nodeCredentialType', type: 'options', default: '', required: true, displayOptions: { show: { authentication: ['predefinedCredentialType'] } } },
    { displayName: 'Workflow', name: 'workflow', type: 'resourceLocator', default: { __rl: true, value: '', mode: 'list' }, required: true, displayOptions: { show: { '@version': [{ _cnd: { gte: 4 } }] } } },
  ] satisfies NodeProperty[],
  credentials: ['httpBasicAuth', 'httpHeaderAuth'].flatMap((name): NodeCredentialDescription[] => [
    { name, required: true, displayOptions: { show: { authentication: ['genericCredentialType'], genericAuthType: [name] } } },
    { name, required: true, displayOptions: { show: { authentication: ['predefinedCredentialType'], nodeCredentialType: [name] } } },
  ]),
};

const types: Record<string, NodeTypeFacts> = { [webhook.name]: webhook, [http.name]: http };
const describeType = (type: string) => types[type];

function issuesOf(...nodes: Partial<WorkflowNode>[]): string[] {
  const definition = {
    name: 'w', connections: {},
    nodes: nodes.map((n, i) => ({ id: `n${i}`, name: `N${i}`, type: http.name, typeVersion: 3, position: [0, 0], parameters: {}, ...n })),
  } as WorkflowDefinition;
  return nodeIssues(definition, describeType, credentialDisplayName).map((i) => `${i.node}: ${i.message}`);
}

describe('nodeIssues', () => {
  it('names an unknown type, and says nothing more of it', () => {
    expect(issuesOf({ type: 'n8n-nodes-base.slack', typeVersion: 2.2 })).toEqual(["N0: its type 'n8n-nodes-base.slack' (version 2.2) is not installed on this instance"]);
  });

  it('reports a displayed required parameter left empty, by its display name', () => {
    expect(issuesOf({ type: webhook.name, parameters: {} })).toEqual(["N0: parameter 'Path' is required"]);
    expect(issuesOf({ type: webhook.name, parameters: { path: null } })).toEqual(["N0: parameter 'Path' is required"]);
    expect(issuesOf({ type: webhook.name, parameters: { path: 'hook' } })).toEqual([]);
  });

  it('counts an expression as set, and ignores a required parameter that is hidden', () => {
    expect(issuesOf({ parameters: { url: '={{ $json.url }}' } })).toEqual([]);
    expect(issuesOf({ type: webhook.name, parameters: { path: 'hook', responseMode: 'lastNode' } })).toEqual(["N0: parameter 'Response Data' is required"]);
  });

  it('applies version rules and reads a resource locator by its value', () => {
    expect(issuesOf({ typeVersion: 4.2, parameters: { url: 'http://x' } })).toEqual(["N0: parameter 'Workflow' is required"]);
    expect(issuesOf({ typeVersion: 4.2, parameters: { url: 'http://x', workflow: { __rl: true, value: '12', mode: 'id' } } })).toEqual([]);
  });

  it('demands no credential while Authentication is None, even with a stale reference', () => {
    expect(issuesOf({ type: webhook.name, parameters: { path: 'hook' } })).toEqual([]);
    expect(issuesOf({ parameters: { url: 'http://x' }, credentials: { httpHeaderAuth: { id: null, name: 'Gone' } } })).toEqual([]);
  });

  it('requires the credential the Authentication choice shows, named by its display name', () => {
    expect(issuesOf({ type: webhook.name, parameters: { path: 'hook', authentication: 'basicAuth' } })).toEqual(["N0: credential 'Basic Auth' is required"]);
    expect(issuesOf({ type: webhook.name, parameters: { path: 'hook', authentication: 'basicAuth' }, credentials: { httpBasicAuth: { id: 'c1', name: 'Mine' } } })).toEqual([]);
    // Another type's credential does not stand in for the one shown.
    expect(issuesOf({ type: webhook.name, parameters: { path: 'hook', authentication: 'headerAuth' }, credentials: { httpBasicAuth: { id: 'c1', name: 'Mine' } } }))
      .toEqual(["N0: credential 'Header Auth' is required"]);
  });

  it('follows HTTP Request: the generic auth type, or the predefined type, decides the credential', () => {
    expect(issuesOf({ parameters: { url: 'http://x', authentication: 'genericCredentialType' } })).toEqual(["N0: parameter 'Generic Auth Type' is required"]);
    expect(issuesOf({ parameters: { url: 'http://x', authentication: 'genericCredentialType', genericAuthType: 'httpBasicAuth' } })).toEqual(["N0: credential 'Basic Auth' is required"]);
    expect(issuesOf({ parameters: { url: 'http://x', authentication: 'predefinedCredentialType', nodeCredentialType: 'httpHeaderAuth' } })).toEqual(["N0: credential 'Header Auth' is required"]);
    expect(issuesOf({
      parameters: { url: 'http://x', authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' },
      credentials: { httpHeaderAuth: { id: null, name: 'Gone' } },
    })).toEqual(["N0: no Header Auth credential is chosen ('Gone' was not found)"]);
  });

  it('keeps checking references to types the node does not declare, and skips disabled nodes', () => {
    expect(issuesOf({ parameters: { url: 'http://x' }, credentials: { slackApi: { id: null, name: 'Team' } } })).toEqual(["N0: no slackApi credential is chosen ('Team' was not found)"]);
    expect(issuesOf({ disabled: true, type: webhook.name }, { type: 'n8n-nodes-base.slack', disabled: true })).toEqual([]);
  });
});
