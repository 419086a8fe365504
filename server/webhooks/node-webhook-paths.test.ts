// n8n's path rules for a node type's own webhooks (community webhook nodes).
import { describe, expect, it } from 'vitest';
import type { NodeWebhook } from '../../engine/index.ts';
import { nodeWebhookPath } from './node-webhook-paths.ts';

const hook = (path: string, isFullPath = false): NodeWebhook => ({ name: 'default', httpMethod: 'POST', path, responseMode: 'onReceived', isFullPath });
const node = (webhookId?: string) => ({ id: 'n', name: 'My Trigger', type: 'x.y', typeVersion: 1, position: [0, 0] as [number, number], parameters: {}, ...(webhookId ? { webhookId } : {}) });

describe('nodeWebhookPath', () => {
  it('puts the path under the node webhookId', () => {
    expect(nodeWebhookPath(node('abc'), hook('/webhook/'), 'wf1')).toEqual({ path: 'abc/webhook', dynamic: false });
    expect(nodeWebhookPath(node('abc'), hook(''), 'wf1')).toEqual({ path: 'abc', dynamic: false });
  });

  it('uses a full path as is, and the webhookId when it is empty', () => {
    expect(nodeWebhookPath(node('abc'), hook('orders/new', true), 'wf1')).toEqual({ path: 'orders/new', dynamic: false });
    expect(nodeWebhookPath(node('abc'), hook('', true), 'wf1')).toEqual({ path: 'abc', dynamic: false });
  });

  it('falls back to workflow id and node name without a webhookId, and marks :params dynamic', () => {
    expect(nodeWebhookPath(node(), hook('webhook'), 'wf1')).toEqual({ path: 'wf1/my%20trigger/webhook', dynamic: false });
    expect(nodeWebhookPath(node('abc'), hook('item/:id'), 'wf1')).toEqual({ path: 'abc/item/:id', dynamic: true });
  });
});
