import { describe, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../domain/index.ts';
import { webhookMethods, webhooksOf } from '../domain/index.ts';

const hook = (name: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({ id: name, name, type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], parameters, ...extra });

describe('webhook paths', () => {
  it("follows n8n's rules: static paths as given, :params and empty paths under the webhookId, legacy nodes under the workflow", () => {
    const def = parseWorkflowDefinition({
      name: 'w', connections: {},
      nodes: [
        hook('Static', { path: '/orders/new/', httpMethod: 'POST' }, { webhookId: 'id-1' }),
        hook('Dynamic', { path: 'users/:id' }, { webhookId: 'id-2' }),
        hook('Empty', { path: '' }, { webhookId: 'id-3' }),
        hook('Old Node', { path: 'legacy' }),
        hook('Off', { path: 'off' }, { webhookId: 'id-5', disabled: true }),
      ],
    });
    expect(webhooksOf(def, 'wf1')).toEqual([
      { method: 'POST', path: 'orders/new', node: 'Static', dynamic: false, segments: 2, webhookId: 'id-1' },
      { method: 'GET', path: 'id-2/users/:id', node: 'Dynamic', dynamic: true, segments: 3, webhookId: 'id-2' },
      { method: 'GET', path: 'id-3', node: 'Empty', dynamic: false, segments: 1, webhookId: 'id-3' },
      { method: 'GET', path: 'wf1/old%20node/legacy', node: 'Old Node', dynamic: false, segments: 3 },
    ]);
  });

  it('registers every method of a multi-method node, once each', () => {
    expect(webhookMethods({ httpMethod: ['GET', 'post', 'POST', 'BREW'] })).toEqual(['GET', 'POST']);
    expect(webhookMethods({})).toEqual(['GET']);
  });
});
