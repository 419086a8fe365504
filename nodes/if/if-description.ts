// What every IF version's description shares; v1 is titled "IF", later versions "If".
import type { NodeDescription, NodeProperty } from '../../engine/index.ts';

export function ifDescription(displayName: string, version: number[], properties: NodeProperty[]): NodeDescription {
  return {
    name: 'n8n-nodes-base.if',
    displayName,
    group: ['transform'],
    version,
    description: 'Route items to different branches (true/false)',
    icon: 'fa:map-signs',
    defaults: { name: displayName, color: '#408000' },
    inputs: ['main'],
    outputs: ['main', 'main'],
    outputNames: ['true', 'false'],
    properties,
  };
}
