// The Form node's place in the graph as a node issue: the editor and activation report what n8n's
// Form node says when it runs.
import { expect, it } from 'vitest';
import type { WorkflowDefinition, WorkflowNode } from './workflow-definition.ts';
import { nodeIssues, type NodeTypeFacts } from './workflow-issues.ts';

const facts = (name: string): NodeTypeFacts => ({ name, properties: [] });
const describeType = (type: string) => facts(type);

function node(name: string, type: string, parameters: Record<string, unknown> = {}): WorkflowNode {
  return { id: name, name, type: `n8n-nodes-base.${type}`, typeVersion: 1, position: [0, 0], parameters } as WorkflowNode;
}

function issues(nodes: WorkflowNode[], chain: string[][]): string[] {
  const connections: WorkflowDefinition['connections'] = {};
  for (const [from, to] of chain) connections[from] = { main: [[...(connections[from]?.main?.[0] ?? []), { node: to, type: 'main', index: 0 }]] };
  const definition = { name: 'w', nodes, connections } as unknown as WorkflowDefinition;
  return nodeIssues(definition, describeType).map((i) => `${i.node}: ${i.message}`);
}

it('wants a Form Trigger somewhere upstream of a Form node', () => {
  expect(issues([node('Start', 'manualTrigger'), node('Page', 'form')], [['Start', 'Page']])).toEqual(['Page: Form Trigger node must be set before this node']);
  expect(issues([node('Page', 'form')], [])).toEqual(['Page: Form Trigger node must be set before this node']);
  // Further up, through other nodes and another Form page, counts as n8n's getParentNodes does.
  expect(issues(
    [node('Trigger', 'formTrigger'), node('Set', 'set'), node('Page 1', 'form'), node('Page 2', 'form')],
    [['Trigger', 'Set'], ['Set', 'Page 1'], ['Page 1', 'Page 2']],
  )).toEqual([]);
  // A Form Trigger that only comes after does not.
  expect(issues([node('Page', 'form'), node('Trigger', 'formTrigger')], [['Page', 'Trigger']])).toEqual(['Page: Form Trigger node must be set before this node']);
});

it('wants a Form Ending to be the last Form node', () => {
  const ending = node('End', 'form', { operation: 'completion' });
  expect(issues([node('Trigger', 'formTrigger'), ending, node('Page', 'form')], [['Trigger', 'End'], ['End', 'Page']]))
    .toEqual(['End: Completion has to be the last Form node in the workflow']);
  expect(issues([node('Trigger', 'formTrigger'), node('Page', 'form'), ending], [['Trigger', 'Page'], ['Page', 'End']])).toEqual([]);
});

it('says nothing of a disabled Form node', () => {
  expect(issues([{ ...node('Page', 'form'), disabled: true }], [])).toEqual([]);
});
