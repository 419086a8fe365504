// What every Filter version's description shares; versions differ in their parameters.
import type { NodeDescription, NodeProperty } from '../../engine/index.ts';

export function filterDescription(version: number[], properties: NodeProperty[]): NodeDescription {
  return {
    name: 'n8n-nodes-base.filter',
    displayName: 'Filter',
    group: ['transform'],
    version,
    description: 'Remove items matching a condition',
    icon: 'fa:filter',
    defaults: { name: 'Filter', color: '#229eff' },
    inputs: ['main'],
    outputs: ['main'],
    outputNames: ['Kept', 'Discarded'],
    properties,
  };
}
