// Sticky Note (n8n-nodes-base.stickyNote v1): a canvas annotation; never connected, never run.
import type { ExecuteContext, NodeType } from '../../engine/index.ts';

export const stickyNoteNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.stickyNote',
    displayName: 'Sticky Note',
    group: ['input'],
    version: [1],
    description: 'Make your workflow easier to understand',
    icon: 'fa:sticky-note',
    defaults: { name: 'Sticky Note', color: '#FFD233' },
    inputs: [],
    outputs: [],
    properties: [
      {
        displayName: 'Content',
        name: 'content',
        type: 'string',
        default: "## I'm a note \n**Double click** to edit me. [Guide](https://docs.n8n.io/workflows/sticky-notes/)",
      },
      { displayName: 'Height', name: 'height', type: 'number', required: true, default: 160 },
      { displayName: 'Width', name: 'width', type: 'number', required: true, default: 240 },
      { displayName: 'Color', name: 'color', type: 'number', required: true, default: 1 },
    ],
  },
  async execute(ctx: ExecuteContext) {
    return [ctx.getInputData()];
  },
};
