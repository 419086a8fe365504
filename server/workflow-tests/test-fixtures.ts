// A small workflow for the workflow-tests suites: a manual trigger and a Set node adding two fields.
export function totalsWorkflow(name = 'Totals') {
  return {
    name,
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: 't1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      {
        id: 't2', name: 'Total', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 0],
        parameters: { assignments: { assignments: [{ id: 'x', name: 'total', value: '={{ $json.a + $json.b }}', type: 'number' }] }, options: {} },
      },
    ],
    connections: { Start: { main: [[{ node: 'Total', type: 'main', index: 0 }]] } },
  };
}
