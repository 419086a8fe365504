// Conversions between our workflow documents and n8n's workflow JSON as the API shows it.
import { z } from 'zod';
import { parseWorkflowDefinition, ValidationError, type WorkflowDefinition } from '../../domain/index.ts';
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
  };
}

/** An n8n export: importable by n8n as it is (tags as `{name}` objects, no `revision`). */
export function toN8nExport(doc: WorkflowDoc) {
  const { revision: _revision, isArchived: _archived, ...rest } = toApiWorkflow(doc);
  return { ...rest, tags: doc.tags.map((name) => ({ name })) };
}

const tagInput = z.union([z.string(), z.looseObject({ name: z.string() })]).transform((t) => (typeof t === 'string' ? t : t.name));
export const tagsInput = z.array(tagInput).max(100);

/** A workflow body as sent by clients or found in n8n exports. */
export const workflowInput = z.looseObject({}).describe('An n8n workflow: name, nodes, connections, settings, …');

/** Validates one incoming workflow and splits off the fields that are not part of the definition. */
export function readWorkflowInput(body: Record<string, unknown>, pathPrefix = ''): { definition: WorkflowDefinition; tags?: string[]; id?: string } {
  let tags: string[] | undefined;
  if (body.tags !== undefined) {
    const parsed = tagsInput.safeParse(body.tags);
    if (!parsed.success) throw new ValidationError('Invalid tags', [{ path: `${pathPrefix}tags`, message: 'tags must be strings or {name} objects' }]);
    tags = parsed.data;
  }
  try {
    const definition = parseWorkflowDefinition(body);
    return { definition, tags, id: typeof body.id === 'string' ? body.id : undefined };
  } catch (error) {
    if (error instanceof ValidationError && pathPrefix) {
      throw new ValidationError(error.message, error.details.map((d) => ({ ...d, path: `${pathPrefix}${d.path ?? ''}` })));
    }
    throw error;
  }
}
