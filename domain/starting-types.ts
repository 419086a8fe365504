// Node types a run by hand starts from although they are not triggers: the engine picks its start
// node by this list and the editor decides with it whether Run can start at once.

/** Earlier ones win. n8n 2.x dropped the legacy Start node from this list; we keep it last so old exports still run. */
export const STARTING_NODE_TYPES = [
  'n8n-nodes-base.manualTrigger',
  'n8n-nodes-base.executeWorkflowTrigger',
  'n8n-nodes-base.errorTrigger',
  'n8n-nodes-base.evaluationTrigger',
  'n8n-nodes-base.formTrigger',
  'n8n-nodes-base.start',
];
