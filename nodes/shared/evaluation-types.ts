// The evaluation nodes' n8n type names, light to import for the server's evaluation runs.
export const EVALUATION_NODE_TYPE = 'n8n-nodes-base.evaluation';
export const EVALUATION_TRIGGER_TYPE = 'n8n-nodes-base.evaluationTrigger';
