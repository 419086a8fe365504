// The core flow nodes (triggers, routing, merging, looping, fields, code), one NodeType per
// implementation; several versions of one n8n type are separate entries.
import type { NodeType } from '../engine/index.ts';
import { codeNode } from './code/code.node.ts';
import { functionItemNode, functionNode } from './code/function.node.ts';
import { errorTriggerNode } from './error-trigger/error-trigger.node.ts';
import { executeWorkflowTriggerNode } from './execute-workflow-trigger/execute-workflow-trigger.node.ts';
import { executeWorkflowNode } from './execute-workflow/execute-workflow.node.ts';
import { filterV1Node } from './filter/filter-v1.node.ts';
import { filterV2Node } from './filter/filter-v2.node.ts';
import { ifV1Node } from './if/if-v1.node.ts';
import { ifV2Node } from './if/if-v2.node.ts';
import { manualTriggerNode, startNode } from './manual-trigger/manual-trigger.node.ts';
import { mergeV1Node } from './merge/merge-v1.node.ts';
import { mergeV2Node } from './merge/merge-v2.node.ts';
import { mergeV3Node } from './merge/merge-v3.node.ts';
import { noOpNode } from './no-op/no-op.node.ts';
import { setV1Node } from './set/set-v1.node.ts';
import { setV3Node } from './set/set-v3.node.ts';
import { splitInBatchesV1Node, splitInBatchesV2Node, splitInBatchesV3Node } from './split-in-batches/split-in-batches.node.ts';
import { stickyNoteNode } from './sticky-note/sticky-note.node.ts';
import { stopAndErrorNode } from './stop-and-error/stop-and-error.node.ts';
import { switchV1Node, switchV2Node } from './switch/switch-legacy.node.ts';
import { switchV3Node } from './switch/switch-v3.node.ts';

export const flowNodeTypes: NodeType[] = [
  executeWorkflowNode,
  manualTriggerNode,
  startNode,
  executeWorkflowTriggerNode,
  errorTriggerNode,
  noOpNode,
  stickyNoteNode,
  stopAndErrorNode,
  ifV1Node,
  ifV2Node,
  filterV1Node,
  filterV2Node,
  switchV1Node,
  switchV2Node,
  switchV3Node,
  mergeV1Node,
  mergeV2Node,
  mergeV3Node,
  splitInBatchesV1Node,
  splitInBatchesV2Node,
  splitInBatchesV3Node,
  setV1Node,
  setV3Node,
  codeNode,
  functionNode,
  functionItemNode,
];
