// Invalid states concurrent edits can create, found and repaired by the server for every editor:
// a connection to a node someone else deleted, two nodes renamed to the same name. What cannot be
// repaired safely (an empty or over-long name) is reported so editors can flag it.
import * as Y from 'yjs';
import {
  MAX_NAME_LENGTH, normaliseWorkflowJson, structuralProblems, workflowDefinitionSchema, zodDetails,
  type ErrorDetail, type NormalisedChange, type WorkflowDefinition,
} from '../domain/index.ts';
import { applyDefinitionToDoc } from './apply-definition.ts';
import { connectionsOf, docToDefinition, isInitialised, nodesOf, orderedNodes, readRow } from './workflow-doc.ts';

export interface Repair {
  kind: 'dangling-connection-removed' | 'duplicate-name-renamed';
  id: string;
  detail: string;
}

/**
 * Repairs in one transaction. Deterministic (the same state gives the same repair) so it never
 * fights itself; only the server runs it.
 */
export function repairDoc(doc: Y.Doc, origin: unknown = 'repair'): Repair[] {
  if (!isInitialised(doc)) return [];
  const repairs: Repair[] = [];
  doc.transact(() => {
    const nodes = nodesOf(doc);
    const connections = connectionsOf(doc);
    for (const [id, map] of [...connections.entries()]) {
      const row = readRow(map);
      if (!nodes.has(row.from) || !nodes.has(row.to)) {
        connections.delete(id);
        repairs.push({ kind: 'dangling-connection-removed', id, detail: 'a connection to or from a deleted node was removed' });
      }
    }
    const ordered = orderedNodes(doc);
    const taken = new Set(ordered.map(([, n]) => n.get('name') as string));
    const seen = new Set<string>();
    for (const [id, node] of ordered) {
      const name = node.get('name');
      if (typeof name !== 'string') continue;
      if (!seen.has(name)) {
        seen.add(name);
        continue;
      }
      // Like n8n when pasting a node whose name exists: append the first free number.
      let k = 1;
      while (taken.has(`${name} ${k}`)) k++;
      const unique = `${name} ${k}`;
      taken.add(unique);
      seen.add(unique);
      node.set('name', unique);
      repairs.push({ kind: 'duplicate-name-renamed', id, detail: `a second node named '${name}' was renamed '${unique}'` });
    }
  }, origin);
  return repairs;
}

/**
 * Reads what editors wrote the way n8n JSON is read on import (a credential pasted by name, a field
 * set to null) and writes the result into the document, so every editor sees it. Node ids are left
 * alone: the document keys its nodes. The server runs it before committing.
 */
export function normaliseDoc(doc: Y.Doc, origin: unknown = 'repair'): NormalisedChange[] {
  if (!isInitialised(doc)) return [];
  const current = docToDefinition(doc);
  const { workflow, changes } = normaliseWorkflowJson(current, { assignNodeIds: false });
  if (changes.length > 0) applyDefinitionToDoc(doc, workflow as WorkflowDefinition, current, origin);
  return changes;
}

/** What keeps the document's definition from being committed, if anything. */
export function docProblems(doc: Y.Doc): ErrorDetail[] {
  if (!isInitialised(doc)) return [{ message: 'the document is not initialised' }];
  const definition = docToDefinition(doc);
  const parsed = workflowDefinitionSchema.safeParse(definition);
  if (!parsed.success) return zodDetails(parsed.error);
  const problems = structuralProblems(definition);
  for (const node of definition.nodes) {
    if (node.name.length > MAX_NAME_LENGTH) problems.push({ path: `nodes.${node.id}.name`, message: 'name too long' });
  }
  return problems;
}
