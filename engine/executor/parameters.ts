// A node's full parameters, as n8n builds them when a workflow is loaded. The rules live in domain/
// so that nodeIssues (activation, the editor's marks) decides what is displayed exactly as runs do.
export { parameterValue, resolveNodeParameters } from '../../domain/index.ts';
