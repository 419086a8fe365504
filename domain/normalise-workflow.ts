// Brings workflow JSON as n8n writes it (exports of every age, clipboard and template JSON) to the
// shape our schema accepts, the way n8n itself reads it, and says what it changed. Pure and
// browser-safe: the server, the CLI, the editor's paste and the collaboration room all call it.
import { parseWorkflowDefinition, type WorkflowDefinition } from './workflow-definition.ts';

/** One thing normalisation changed, with a dotted path into the input. */
export interface NormalisedChange {
  path: string;
  message: string;
}

export interface NormaliseOptions {
  /** Name for a workflow that has none (clipboard and template JSON). */
  defaultName?: string;
  /** Id for a node that has none; n8n gives such nodes a uuid. */
  newNodeId?: () => string;
  /** False where nodes are keyed otherwise (a collaboration document keys id-less nodes by name). */
  assignNodeIds?: boolean;
}

export const DEFAULT_WORKFLOW_NAME = 'Imported workflow';

/**
 * Top-level fields where n8n reads null as "not set". `staticData`, `meta` and `description` are
 * left alone: n8n stores null in them itself and our schema takes it.
 */
const NULL_MEANS_ABSENT = ['settings', 'connections', 'pinData', 'tags'];

/** Node fields n8n treats as unset when null (its editor and engine test them for truthiness). */
const NODE_NULL_MEANS_ABSENT = [
  'parameters', 'credentials', 'notes', 'notesInFlow', 'disabled', 'retryOnFail', 'maxTries', 'waitBetweenTries',
  'alwaysOutputData', 'executeOnce', 'onError', 'continueOnFail', 'webhookId',
];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Returns a normalised copy of `input` (never changes it) and the list of changes. Input that is
 * not a JSON object, or parts of the wrong type, are left for the schema to refuse with a 400.
 */
export function normaliseWorkflowJson(input: unknown, options: NormaliseOptions = {}): { workflow: unknown; changes: NormalisedChange[] } {
  if (!isObject(input)) return { workflow: input, changes: [] };
  const changes: NormalisedChange[] = [];
  const note = (path: string, message: string) => changes.push({ path, message });
  const workflow: Json = { ...input };

  if (workflow.name === undefined || workflow.name === null) {
    workflow.name = options.defaultName ?? DEFAULT_WORKFLOW_NAME;
    note('name', `missing; named '${workflow.name}'`);
  }
  for (const key of NULL_MEANS_ABSENT) {
    if (workflow[key] === null) {
      delete workflow[key];
      note(key, 'null; treated as absent');
    }
  }
  if (isObject(workflow.settings)) workflow.settings = dropNulls(workflow.settings, 'settings', note);
  if (Array.isArray(workflow.nodes)) {
    const newNodeId = options.assignNodeIds === false ? undefined : options.newNodeId ?? (() => globalThis.crypto.randomUUID());
    workflow.nodes = normaliseNodes(workflow.nodes, newNodeId, note);
  }
  if (isObject(workflow.connections) && Array.isArray(workflow.nodes)) {
    const names = new Set(workflow.nodes.filter(isObject).map((n) => n.name).filter((n) => typeof n === 'string'));
    workflow.connections = dropDanglingConnections(workflow.connections, names, note);
  }
  return { workflow, changes };
}

/** Normalises, then validates (a ValidationError lists what is still wrong): what every write path uses. */
export function parseWorkflowJson(input: unknown, options: NormaliseOptions = {}): { definition: WorkflowDefinition; changes: NormalisedChange[] } {
  const { workflow, changes } = normaliseWorkflowJson(input, options);
  return { definition: parseWorkflowDefinition(workflow), changes };
}

function dropNulls(object: Json, path: string, note: (path: string, message: string) => void, only?: string[]): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null && (!only || only.includes(key))) note(`${path}.${key}`, 'null; treated as absent');
    else out[key] = value;
  }
  return out;
}

/** A name not used by any node yet: `Edit Fields`, `Edit Fields1`, `Edit Fields2`… as n8n names copies. */
export function uniqueNodeName(wanted: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(wanted)) return wanted;
  const base = wanted.replace(/\d+$/, '');
  for (let i = 1; ; i++) if (!names.has(`${base}${i}`)) return `${base}${i}`;
}

function normaliseNodes(nodes: unknown[], newNodeId: (() => string) | undefined, note: (path: string, message: string) => void): unknown[] {
  const ids = new Set<string>();
  // n8n keys nodes by name and takes a file with a name twice; a later duplicate is renamed, and
  // connections, which name nodes, stay with the first (renaming cannot tell which one they meant).
  const names = new Set(nodes.filter(isObject).map((n) => n.name).filter((n): n is string => typeof n === 'string'));
  const seen = new Set<string>();
  return nodes.map((raw, i) => {
    if (!isObject(raw)) return raw;
    const path = `nodes.${i}`;
    const node = dropNulls(raw, path, note, NODE_NULL_MEANS_ABSENT);
    const name = node.name;
    if (typeof name === 'string') {
      const kept = seen.has(name) ? uniqueNodeName(name, names) : name;
      if (kept !== name) {
        note(`${path}.name`, `'${name}' is the name of an earlier node; renamed '${kept}'`);
        node.name = kept;
        names.add(kept);
      }
      seen.add(kept);
    }
    if (newNodeId && (typeof node.id !== 'string' || node.id === '' || ids.has(node.id))) {
      const why = node.id === undefined || node.id === null || node.id === '' ? 'missing' : ids.has(node.id as string) ? 'used twice' : 'not a string';
      node.id = newNodeId();
      note(`${path}.id`, `${why}; gave the node a new id`);
    }
    if (typeof node.id === 'string') ids.add(node.id);
    if (isObject(node.credentials)) node.credentials = normaliseCredentials(node.credentials, `${path}.credentials`, note);
    return node;
  });
}


/**
 * n8n before 0.150 wrote a credential as its name alone; n8n reads that as `{id: null, name}` and
 * resolves the id by name. Only the server knows the workspace's credentials, so it resolves them.
 */
function normaliseCredentials(credentials: Json, path: string, note: (path: string, message: string) => void): Json {
  const out: Json = {};
  for (const [type, ref] of Object.entries(credentials)) {
    if (ref === null) {
      note(`${path}.${type}`, 'null; treated as absent');
    } else if (typeof ref === 'string') {
      out[type] = { id: null, name: ref };
      note(`${path}.${type}`, `given by name only ('${ref}'); kept as an unresolved reference`);
    } else if (isObject(ref) && typeof ref.id === 'number') {
      out[type] = { ...ref, id: String(ref.id) };
      note(`${path}.${type}.id`, 'a number; written as a string');
    } else if (isObject(ref) && typeof ref.id !== 'string' && typeof ref.name !== 'string') {
      // Not a reference at all (seen: `{}`, or the secret itself inline); kept out of the log too.
      note(`${path}.${type}`, 'not a credential reference ({id, name}); dropped');
    } else if (isObject(ref) && typeof ref.id === 'string' && (ref.name === undefined || ref.name === null)) {
      out[type] = { ...ref, name: '' };
      note(`${path}.${type}.name`, 'missing; the credential is known by its id only');
    } else {
      out[type] = ref;
    }
  }
  return out;
}

/** Connections from or to a node that is not there are dropped, as n8n ignores them. */
function dropDanglingConnections(connections: Json, names: Set<unknown>, note: (path: string, message: string) => void): Json {
  const out: Json = {};
  for (const [source, byType] of Object.entries(connections)) {
    if (!names.has(source)) {
      note(`connections.${source}`, `from '${source}', which is not a node; dropped`);
      continue;
    }
    if (!isObject(byType)) {
      out[source] = byType;
      continue;
    }
    const types: Json = {};
    for (const [type, outputs] of Object.entries(byType)) {
      if (outputs === null) {
        note(`connections.${source}.${type}`, 'null; treated as absent');
        continue;
      }
      types[type] = Array.isArray(outputs)
        ? outputs.map((targets, output) => {
          if (!Array.isArray(targets)) return targets;
          return targets.filter((target, j) => {
            if (!isObject(target) || typeof target.node !== 'string' || names.has(target.node)) return true;
            note(`connections.${source}.${type}.${output}.${j}`, `to '${target.node}', which is not a node; dropped`);
            return false;
          });
        })
        : outputs;
    }
    out[source] = types;
  }
  return out;
}
