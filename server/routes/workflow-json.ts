// Conversions between our workflow documents and n8n's workflow JSON as the API shows it.
import { z } from 'zod';
import { parseWorkflowFileTests, parseWorkflowJson, ValidationError, type NormaliseOptions, type NormalisedChange, type WorkflowDefinition, type WorkflowTestCase } from '../../domain/index.ts';
import type { WorkflowDoc } from '../../projections/index.ts';

/** The workflow as the API returns it: n8n's shape plus our `revision`. */
export function toApiWorkflow(doc: WorkflowDoc) {
  const { definition } = doc;
  return {
    id: doc.id,
    ...definition,
    name: doc.name,
    active: doc.active,
    isArchived: doc.deleted,
    tags: doc.tags,
    versionId: doc.versionId,
    revision: doc.revision,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    /** Which revision production runs, and who published it when; null until published. */
    published: doc.published ? { revision: doc.published.revision, at: doc.published.at, by: doc.published.by, ...(doc.published.message ? { message: doc.published.message } : {}) } : null,
    unpublishedChanges: doc.unpublishedChanges ?? false,
  };
}

/**
 * An n8n export: importable by n8n as it is (tags as `{name}` objects, no `revision`), with the
 * workflow's test cases under `tests` (a key n8n ignores; Weft's import and `weft test` read it).
 */
export function toN8nExport(doc: WorkflowDoc, tests: WorkflowTestCase[] = []) {
  const { revision: _revision, isArchived: _archived, published: _published, unpublishedChanges: _changes, ...rest } = toApiWorkflow(doc);
  return { ...rest, tags: doc.tags.map((name) => ({ name })), ...(tests.length > 0 ? { tests } : {}) };
}

const tagInput = z.union([z.string(), z.looseObject({ name: z.string() })]).transform((t) => (typeof t === 'string' ? t : t.name));
export const tagsInput = z.array(tagInput).max(100);

/** A workflow body as sent by clients or found in n8n exports. */
export const workflowInput = z.looseObject({}).describe('An n8n workflow: name, nodes, connections, settings, …');

/** One incoming workflow, normalised and validated, and what normalising it changed. */
export interface WorkflowInput {
  definition: WorkflowDefinition;
  tags?: string[];
  id?: string;
  /** Test cases the file carries under `tests`. */
  tests: WorkflowTestCase[];
  /** What was changed to read it as n8n does, paths prefixed like error details. */
  changes: NormalisedChange[];
}

/** Normalises and validates one incoming workflow and splits off the fields that are not part of the definition. */
export function readWorkflowInput(body: Record<string, unknown>, pathPrefix = '', options: NormaliseOptions = {}): WorkflowInput {
  let tags: string[] | undefined;
  // n8n writes `tags: null` for none; normalisation drops it from the definition, so here too.
  if (body.tags !== undefined && body.tags !== null) {
    const parsed = tagsInput.safeParse(body.tags);
    if (!parsed.success) throw new ValidationError('Invalid tags', [{ path: `${pathPrefix}tags`, message: 'tags must be strings or {name} objects' }]);
    tags = parsed.data;
  }
  const { tests: rawTests, ...workflow } = body;
  const tests = parseWorkflowFileTests(rawTests, pathPrefix);
  try {
    const { definition, changes } = parseWorkflowJson(workflow, options);
    const prefixed = changes.map((c) => ({ ...c, path: `${pathPrefix}${c.path}` }));
    return { definition, tags, id: typeof body.id === 'string' ? body.id : undefined, tests, changes: prefixed };
  } catch (error) {
    if (error instanceof ValidationError && pathPrefix) {
      throw new ValidationError(error.message, error.details.map((d) => ({ ...d, path: `${pathPrefix}${d.path ?? ''}` })));
    }
    throw error;
  }
}
