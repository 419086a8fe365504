// The workflow definition in n8n's workflow JSON shape, its schema, and its structural rules.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MAX_STORED_JSON_DEPTH, pathDeeperThan } from './bounded-json.ts';
import { ValidationError, type ErrorDetail } from './errors.ts';

/** Longest node or workflow name we accept; n8n has no hard limit, but names are keys everywhere. */
export const MAX_NAME_LENGTH = 128;
/** A node with more outputs than this is certainly a mistake (Switch tops out far below). */
export const MAX_OUTPUT_INDEX = 255;

const nodeCredentialRef = z.looseObject({ id: z.string().nullable().optional(), name: z.string() });

/** One node, as n8n stores it. Unknown fields are kept so that exports round-trip. */
export const workflowNodeSchema = z.looseObject({
  id: z.string().min(1).max(64).optional(),
  name: z.string().min(1).max(MAX_NAME_LENGTH), // as written: n8n keeps "Slack " and its connections and $("Slack ") name it so
  type: z.string().min(1).max(256),
  typeVersion: z.number().positive(),
  position: z.tuple([z.number(), z.number()]),
  parameters: z.record(z.string(), z.unknown()).default({}),
  credentials: z.record(z.string(), nodeCredentialRef).optional(),
  disabled: z.boolean().optional(),
  notes: z.string().optional(),
  notesInFlow: z.boolean().optional(),
  retryOnFail: z.boolean().optional(),
  maxTries: z.number().int().min(1).max(100).optional(),
  waitBetweenTries: z.number().int().min(0).max(3_600_000).optional(),
  alwaysOutputData: z.boolean().optional(),
  executeOnce: z.boolean().optional(),
  onError: z.enum(['stopWorkflow', 'continueRegularOutput', 'continueErrorOutput']).optional(),
  continueOnFail: z.boolean().optional(),
  webhookId: z.string().optional(),
});

const connectionSchema = z.looseObject({
  node: z.string().min(1),
  type: z.string().min(1).default('main'),
  index: z.number().int().min(0).max(MAX_OUTPUT_INDEX),
});

/** `{[sourceName]: {[connectionType]: Array<Array<connection> | null>}}`: the outer index is the output. */
export const connectionsSchema = z.record(
  z.string(),
  z.record(z.string(), z.array(z.array(connectionSchema).nullable())),
);

export const workflowSettingsSchema = z.looseObject({
  executionOrder: z.enum(['v0', 'v1']).optional(),
  timezone: z.string().optional(),
  errorWorkflow: z.string().optional(),
  callerPolicy: z.string().optional(),
  executionTimeout: z.number().optional(),
  // n8n's save settings ('DEFAULT': the instance's EXECUTIONS_DATA_SAVE_* setting).
  saveDataSuccessExecution: z.enum(['all', 'none', 'DEFAULT']).optional(),
  saveDataErrorExecution: z.enum(['all', 'none', 'DEFAULT']).optional(),
  saveManualExecutions: z.union([z.boolean(), z.literal('DEFAULT')]).optional(),
  saveExecutionProgress: z.union([z.boolean(), z.literal('DEFAULT')]).optional(),
  // n8n's insights: minutes one production run saves (counted per finished production run).
  timeSavedPerExecution: z.number().min(0).max(1_000_000).optional(),
  // Weft's own: publishing the draft needs a clean check of it first (POST /workflows/:id/check).
  requireCleanCheck: z.boolean().optional(),
  // Weft's own: activating or publishing is refused while one of the workflow's tests fails.
  requireTestsToPass: z.boolean().optional(),
  // Weft's own: every saved revision runs the workflow's tests in the background (results per revision).
  runTestsOnSave: z.boolean().optional(),
});

/** The editable part of a workflow: what the editor changes and what an n8n export carries. */
export const workflowDefinitionSchema = z.looseObject({
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  nodes: z.array(workflowNodeSchema).max(5000),
  connections: connectionsSchema.default({}),
  settings: workflowSettingsSchema.default({}),
  pinData: z.record(z.string(), z.array(z.unknown())).optional(),
  staticData: z.union([z.record(z.string(), z.unknown()), z.string(), z.null()]).optional(),
  meta: z.record(z.string(), z.unknown()).nullable().optional(),
  description: z.string().nullable().optional(),
});

export type WorkflowNode = z.infer<typeof workflowNodeSchema>;
export type WorkflowConnections = z.infer<typeof connectionsSchema>;
export type WorkflowSettings = z.infer<typeof workflowSettingsSchema>;
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;

/** Server-side fields of an n8n export that are not part of the definition itself. */
const SERVER_FIELDS = [
  'id', 'active', 'isArchived', 'tags', 'shared', 'createdAt', 'updatedAt', 'versionId',
  'activeVersionId', 'activeVersion', 'versionCounter', 'triggerCount', 'homeProject', 'scopes',
  'usedCredentials', 'sharedWithProjects', 'parentFolder', 'revision',
  // Ours: what a write answered with, so that an answer sent back is not stored as part of the definition.
  'warnings', 'published', 'unpublishedChanges',
];

/** Turns zod issues into our error details, with dotted paths into the input. */
export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || undefined,
    message: issue.message,
  }));
}

/**
 * Parses untrusted input (an n8n export or an API body) into a definition, checks the structural
 * rules, and throws a ValidationError listing every problem found.
 */
export function parseWorkflowDefinition(input: unknown): WorkflowDefinition {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError('A workflow must be a JSON object', []);
  }
  const withoutServerFields = Object.fromEntries(
    Object.entries(input).filter(([key]) => !SERVER_FIELDS.includes(key)),
  );
  const parsed = workflowDefinitionSchema.safeParse(withoutServerFields);
  if (!parsed.success) throw new ValidationError('The workflow is not valid', zodDetails(parsed.error));
  const problems = structuralProblems(parsed.data);
  if (problems.length > 0) throw new ValidationError('The workflow is not valid', problems);
  // Like n8n on import, give every node an id: collaboration and diffs key on it.
  for (const node of parsed.data.nodes) node.id ??= randomUUID();
  return parsed.data;
}

/** Rules a schema cannot express: unique names, connections between existing nodes. */
export function structuralProblems(definition: WorkflowDefinition): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  // Whatever the edges let through, nothing deeper than the read models can hold is ever stored.
  const deep = pathDeeperThan(definition, MAX_STORED_JSON_DEPTH);
  if (deep !== undefined) problems.push({ path: deep, message: `nests deeper than ${MAX_STORED_JSON_DEPTH} levels` });
  const names = new Set<string>();
  const ids = new Set<string>();
  definition.nodes.forEach((node, i) => {
    if (names.has(node.name)) problems.push({ path: `nodes.${i}.name`, message: `Duplicate node name '${node.name}'` });
    names.add(node.name);
    if (node.id !== undefined) {
      if (ids.has(node.id)) problems.push({ path: `nodes.${i}.id`, message: `Duplicate node id '${node.id}'` });
      ids.add(node.id);
    }
  });
  for (const [source, byType] of Object.entries(definition.connections)) {
    if (!names.has(source)) {
      problems.push({ path: `connections.${source}`, message: `Connection from unknown node '${source}'` });
    }
    for (const [type, outputs] of Object.entries(byType)) {
      outputs.forEach((targets, output) => {
        targets?.forEach((target, j) => {
          if (!names.has(target.node)) {
            problems.push({
              path: `connections.${source}.${type}.${output}.${j}.node`,
              message: `Connection from '${source}' to unknown node '${target.node}'`,
            });
          }
        });
      });
      if (outputs.length > MAX_OUTPUT_INDEX + 1) {
        problems.push({ path: `connections.${source}.${type}`, message: `Too many outputs (${outputs.length})` });
      }
    }
  }
  return problems;
}
