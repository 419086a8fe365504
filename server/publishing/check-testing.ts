// A workflow for checking drafts in tests: Webhook → Tag (Set) → Post it (HTTP POST, outside effects) → Answer (Set).
// Changing `tag` changes the POST's input (the check stops there); changing `answer` only changes the last node.
const setNode = (name: string, field: string, value: string, x: number) => ({
  id: name, name, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [x, 0],
  parameters: { assignments: { assignments: [{ id: field, name: field, value, type: 'string' }] }, options: {} },
});

export function checkedWorkflow(opts: { name: string; hookPath: string; serviceUrl: string; tag: string; answer: string; settings?: Record<string, unknown> }) {
  return {
    name: opts.name, settings: { executionOrder: 'v1', ...opts.settings },
    nodes: [
      { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: opts.hookPath, parameters: { path: opts.hookPath, httpMethod: 'POST', responseMode: 'lastNode' } },
      setNode('Tag', 'tag', opts.tag, 200),
      {
        id: 'h', name: 'Post it', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [400, 0],
        parameters: { method: 'POST', url: `${opts.serviceUrl}/orders`, sendBody: true, bodyParameters: { parameters: [{ name: 'tag', value: '={{ $json.tag }}' }] }, options: {} },
      },
      setNode('Answer', 'answer', opts.answer, 600),
    ],
    connections: {
      Webhook: { main: [[{ node: 'Tag', type: 'main', index: 0 }]] },
      Tag: { main: [[{ node: 'Post it', type: 'main', index: 0 }]] },
      'Post it': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
    },
  };
}
