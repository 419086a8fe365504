import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.ts';
import { normaliseWorkflowJson, parseWorkflowJson } from './normalise-workflow.ts';

const node = (name: string, extra: Record<string, unknown> = {}) => ({
  name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {}, ...extra,
});
const to = (node: string) => [{ node, type: 'main', index: 0 }];

describe('normalising n8n workflow JSON', () => {
  it('reads an old template-style export as n8n does and lists every change', () => {
    const input = {
      nodes: [
        node('Start', { id: '' }),
        node('Airtable', { credentials: { airtableApi: 'Airtable account', slackApi: null, smtp: { user: 'u', password: 'secret' } }, notes: null, webhookId: null }),
        node('Http', { id: 7, parameters: null, credentials: { httpBasicAuth: { id: 12, name: 'Basic' }, httpHeaderAuth: { id: 'h1' } } }),
      ],
      connections: { Start: { main: [to('Airtable'), to('Ghost')] }, Gone: { main: [to('Start')] }, Airtable: { main: null } },
      settings: { executionOrder: 'v0', errorWorkflow: null, timezone: null, callerPolicy: null },
      pinData: null, tags: null, staticData: null, meta: null,
    };
    const frozen = structuredClone(input);
    let n = 0;
    const { workflow, changes } = normaliseWorkflowJson(input, { newNodeId: () => `new-${++n}` });
    expect(input).toEqual(frozen);
    expect(workflow).toEqual({
      name: 'Imported workflow',
      nodes: [
        node('Start', { id: 'new-1' }),
        node('Airtable', { id: 'new-2', credentials: { airtableApi: { id: null, name: 'Airtable account' } } }),
        { ...node('Http', { id: 'new-3', credentials: { httpBasicAuth: { id: '12', name: 'Basic' }, httpHeaderAuth: { id: 'h1', name: '' } } }), parameters: undefined },
      ].map((x) => JSON.parse(JSON.stringify(x))),
      connections: { Start: { main: [to('Airtable'), []] }, Airtable: {} },
      settings: { executionOrder: 'v0' },
      staticData: null, meta: null,
    });
    expect(changes.map((c) => c.path).sort()).toEqual([
      'connections.Airtable.main', 'connections.Gone', 'connections.Start.main.1.0',
      'name', 'nodes.0.id', 'nodes.1.credentials.airtableApi', 'nodes.1.credentials.slackApi', 'nodes.1.credentials.smtp', 'nodes.1.id',
      'nodes.1.notes', 'nodes.1.webhookId', 'nodes.2.credentials.httpBasicAuth.id', 'nodes.2.credentials.httpHeaderAuth.name', 'nodes.2.id', 'nodes.2.parameters',
      'pinData', 'settings.callerPolicy', 'settings.errorWorkflow', 'settings.timezone', 'tags',
    ]);
    expect(changes.find((c) => c.path === 'connections.Start.main.1.0')!.message).toMatch(/'Ghost'.*dropped/);
  });

  it('accepts n8n clipboard JSON and keeps ids, names and unknown node types it is given', () => {
    const clipboard = {
      nodes: [node('Agent', { id: 'a1', type: '@n8n/n8n-nodes-langchain.agent' }), node('Mystery', { id: 'm1', type: 'acme-nodes.unknownThing' })],
      connections: { Agent: { main: [to('Mystery')] } },
      meta: { instanceId: 'abc' },
    };
    const { definition, changes } = parseWorkflowJson(clipboard, { defaultName: 'From clipboard' });
    expect(definition.name).toBe('From clipboard');
    expect(definition.nodes.map((x) => [x.id, x.type])).toEqual([['a1', '@n8n/n8n-nodes-langchain.agent'], ['m1', 'acme-nodes.unknownThing']]);
    expect(changes).toEqual([{ path: 'name', message: "missing; named 'From clipboard'" }]);
  });

  it('gives a repeated node id a fresh one and changes nothing in a clean workflow', () => {
    const { definition, changes } = parseWorkflowJson({ name: 'W', nodes: [node('A', { id: 'x' }), node('B', { id: 'x' })], connections: {} });
    expect(definition.nodes[0].id).toBe('x');
    expect(definition.nodes[1].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(changes).toEqual([{ path: 'nodes.1.id', message: 'used twice; gave the node a new id' }]);
    const clean = { name: 'W', nodes: [node('A', { id: 'a' })], connections: {}, settings: {} };
    expect(normaliseWorkflowJson(clean)).toEqual({ workflow: clean, changes: [] });
  });

  it("renames a later node with a name already used, n8n's way, and leaves connections with the first", () => {
    const { definition, changes } = parseWorkflowJson({
      name: 'W',
      nodes: [node('Set', { id: 'a' }), node('Set', { id: 'b' }), node('Set1', { id: 'c' }), node('Set', { id: 'd' }), node('Next', { id: 'e' })],
      connections: { Set: { main: [to('Next')] } },
    });
    expect(definition.nodes.map((n) => n.name)).toEqual(['Set', 'Set2', 'Set1', 'Set3', 'Next']);
    expect(definition.connections).toEqual({ Set: { main: [to('Next')] } });
    expect(changes).toEqual([
      { path: 'nodes.1.name', message: "'Set' is the name of an earlier node; renamed 'Set2'" },
      { path: 'nodes.3.name', message: "'Set' is the name of an earlier node; renamed 'Set3'" },
    ]);
  });

  it('keeps node names as written, spaces included, so connections and expressions still name them', () => {
    // Template exports have names like "Google Drive " that their connections and $('Google Drive ') repeat.
    const { definition, changes } = parseWorkflowJson({
      name: 'W',
      nodes: [node('Google Drive ', { id: 'g' }), node(' Slack', { id: 's', parameters: { text: "={{ $('Google Drive ').item.json.name }}" } })],
      connections: { 'Google Drive ': { main: [to(' Slack')] } },
    });
    expect(definition.nodes.map((x) => x.name)).toEqual(['Google Drive ', ' Slack']);
    expect(definition.connections['Google Drive ']?.main[0]?.[0]?.node).toBe(' Slack');
    expect(changes).toEqual([]);
  });

  it('leaves what n8n would refuse for the schema to refuse', () => {
    expect(() => parseWorkflowJson({ name: '', nodes: [node('A')] })).toThrow(ValidationError);
    expect(() => parseWorkflowJson({ nodes: 'no' })).toThrow(ValidationError);
    expect(normaliseWorkflowJson('text')).toEqual({ workflow: 'text', changes: [] });
    expect(normaliseWorkflowJson([1])).toEqual({ workflow: [1], changes: [] });
  });
});
