// The legacy Start node (n8n-nodes-base.start v1), from workflows made before the Manual Trigger
// existed: a run begins here as it does at a Manual Trigger.
import type { NodeType } from '../../engine/index.ts';
import { passThrough } from '../manual-trigger/manual-trigger.node.ts';

/** `n8n-nodes-base.start` from workflows made before the Manual Trigger existed. */
export const startNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.start',
    displayName: 'Start',
    group: ['input'],
    version: [1],
    description: 'Starts the workflow execution from this node',
    icon: 'fa:play',
    defaults: { name: 'Start', color: '#00e000' },
    inputs: [],
    outputs: ['main'],
    properties: [],
  },
  execute: passThrough,
};
