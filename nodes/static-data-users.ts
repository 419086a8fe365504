// Which runs may touch workflow static data, so that the others skip reading it from the log
// (a read per run was a tenth of a small webhook run's cost): code that asks for it, the built-in
// nodes that keep state in it, and any community node (its code is not ours to read).
import { isBuiltInType } from './registry.ts';

/** Built-in types whose code reads or writes static data; static-data-users.test.ts keeps this list complete. */
export const STATIC_DATA_NODE_TYPES: ReadonlySet<string> = new Set([
  'n8n-nodes-base.removeDuplicates', 'n8n-nodes-base.emailReadImap', 'n8n-nodes-base.rssFeedReadTrigger', 'n8n-nodes-base.githubTrigger',
  'n8n-nodes-base.googleDriveTrigger', 'n8n-nodes-base.googleSheetsTrigger', 'n8n-nodes-base.gmailTrigger',
  'n8n-nodes-base.notionTrigger', 'n8n-nodes-base.typeformTrigger', 'n8n-nodes-base.microsoftOutlookTrigger',
  'n8n-nodes-base.jotFormTrigger', 'n8n-nodes-base.stripeTrigger', 'n8n-nodes-base.airtableTrigger', 'n8n-nodes-base.calendlyTrigger',
  'n8n-nodes-base.googleCalendarTrigger', 'n8n-nodes-base.microsoftTeamsTrigger',
]);

/** `definitionText`: the definition as JSON (any key order), where code would name `getWorkflowStaticData`. */
export function mayUseStaticData(nodes: ReadonlyArray<{ type: string }>, definitionText: string): boolean {
  return definitionText.includes('getWorkflowStaticData') || nodes.some((n) => STATIC_DATA_NODE_TYPES.has(n.type) || !isBuiltInType(n.type));
}
