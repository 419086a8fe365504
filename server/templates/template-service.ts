// Templates: the built-in library and each workspace's own (saved from a workflow or imported from
// n8n JSON, versioned in the workspace's template stream), and "use": a new workflow from one.
import {
  fold, newEntityId, NotFoundError, streamName, ValidationError, WORKSPACE_TEMPLATES_CATEGORY, workspaceTemplatesDecider,
  type WorkflowDefinition, type WorkspaceTemplateContent, type WorkspaceTemplateEvent,
} from '../../domain/index.ts';
import type { EventStore } from '../../events/index.ts';
import type { RequestContext, RunCommand } from '../commands.ts';
import { resolveIncomingCredentials, usableCredentials } from '../credentials/credential-references.ts';
import type { CredentialService } from '../credentials/credential-service.ts';
import { readWorkflowInput } from '../routes/workflow-json.ts';
import type { WorkflowService } from '../workflow-service.ts';
import { credentialTypesOf, loadLibrary, matchesSearch, summarise, type LibraryTemplate, type TemplateSummary, type TemplateWorkflow } from './template-library.ts';

export interface TemplateServiceDeps {
  events: EventStore;
  run: RunCommand;
  workflows: WorkflowService;
  credentials: CredentialService;
  library?: LibraryTemplate[];
}

export type TemplateService = ReturnType<typeof createTemplateService>;

export interface TemplateDetail extends TemplateSummary {
  workflow: TemplateWorkflow;
  versions?: Array<{ version: number; name: string; at: string; by: string }>;
}

/** A template never carries a workspace's credential ids: references keep only the name. */
function templateWorkflow(definition: WorkflowDefinition): TemplateWorkflow {
  const nodes = definition.nodes.map((node) => {
    const { credentials, ...rest } = node;
    if (!credentials) return rest;
    return { ...rest, credentials: Object.fromEntries(Object.entries(credentials).map(([type, ref]) => [type, { name: ref.name }])) };
  });
  return { nodes, connections: definition.connections, ...(definition.settings ? { settings: definition.settings } : {}) } as TemplateWorkflow;
}

/** The workflow of n8n template JSON: the n8n.io API shape, the export shape, or a plain workflow. */
function n8nTemplateParts(body: Record<string, unknown>): { workflow: Record<string, unknown>; name?: unknown; description?: unknown; category?: unknown } {
  const outer = body.workflow && typeof body.workflow === 'object' ? (body.workflow as Record<string, unknown>) : undefined;
  // n8n.io's /templates/workflows/:id answers {workflow: {name, description, workflow: {nodes, connections}}}.
  const meta = outer && outer.workflow && typeof outer.workflow === 'object' ? outer : body;
  const workflow = (meta.workflow && typeof meta.workflow === 'object' ? meta.workflow : body) as Record<string, unknown>;
  const categories = Array.isArray(meta.categories) ? (meta.categories as Array<{ name?: unknown }>) : [];
  return { workflow, name: meta.name ?? workflow.name, description: meta.description, category: categories[0]?.name };
}

const text = (value: unknown, fallback: string, max: number) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : fallback);

export function createTemplateService(deps: TemplateServiceDeps) {
  const library = deps.library ?? loadLibrary();
  const stream = (workspaceId: string) => streamName(WORKSPACE_TEMPLATES_CATEGORY, workspaceId);

  /** The workspace's templates with every version and when and by whom each was saved. */
  async function workspaceTemplates(workspaceId: string) {
    const recorded = await deps.events.readStream(stream(workspaceId));
    const state = fold(workspaceTemplatesDecider, recorded as unknown as WorkspaceTemplateEvent[]);
    const saved = new Map<string, { at: string; by: string }>();
    for (const e of recorded) {
      if (e.type === 'WorkspaceTemplateSaved') {
        const data = e.data as { templateId: string; version: number };
        saved.set(`${data.templateId}:${data.version}`, { at: e.metadata.at, by: e.metadata.actor.name ?? e.metadata.actor.id });
      }
    }
    return Object.entries(state.templates).map(([id, versions]) => ({
      id, versions: versions.map((v) => ({ ...v, ...saved.get(`${id}:${v.version}`)! })),
    }));
  }

  async function findWorkspaceTemplate(workspaceId: string, id: string) {
    return (await workspaceTemplates(workspaceId)).find((t) => t.id === id);
  }

  async function get(workspaceId: string, id: string, version?: number): Promise<TemplateDetail> {
    const builtIn = library.find((t) => t.id === id);
    if (builtIn) return { ...summarise(builtIn, 'library'), workflow: builtIn.workflow };
    const own = await findWorkspaceTemplate(workspaceId, id);
    if (!own) throw new NotFoundError('Template', id);
    const chosen = version === undefined ? own.versions.at(-1)! : own.versions.find((v) => v.version === version);
    if (!chosen) throw new NotFoundError('Template version', `${id}@${version}`);
    return {
      ...summarise({ id, ...chosen }, 'workspace'), version: chosen.version, updatedAt: chosen.at, workflow: chosen.workflow as TemplateWorkflow,
      versions: own.versions.map((v) => ({ version: v.version, name: v.name, at: v.at, by: v.by })),
    };
  }

  async function save(workspaceId: string, templateId: string, content: WorkspaceTemplateContent, ctx: RequestContext): Promise<TemplateDetail> {
    await deps.run(workspaceTemplatesDecider, stream(workspaceId), { type: 'SaveWorkspaceTemplate', templateId, content }, ctx, { workspaceId, step: templateId });
    return get(workspaceId, templateId);
  }

  /** Writes the chosen credentials into every node that refers to a credential of that type. */
  async function assignCredentials(workspaceId: string, definition: WorkflowDefinition, choices: Record<string, string>): Promise<boolean> {
    if (Object.keys(choices).length === 0) return false;
    const usable = await usableCredentials(deps.credentials, workspaceId);
    const picked = Object.entries(choices).map(([type, id]) => {
      const credential = usable.find((c) => c.id === id);
      if (!credential || credential.type !== type) throw new ValidationError(`No ${type} credential '${id}' in this workspace`, [{ path: `credentials.${type}`, message: 'unknown credential for this type' }]);
      return credential;
    });
    let changed = false;
    for (const node of definition.nodes) {
      for (const credential of picked) {
        if (node.credentials?.[credential.type]) {
          node.credentials[credential.type] = { id: credential.id, name: credential.name };
          changed = true;
        }
      }
    }
    return changed;
  }

  /** What the new workflow still needs: each credential type, its nodes and the credential chosen (if any). */
  function credentialNeeds(definition: WorkflowDefinition) {
    return credentialTypesOf(definition as unknown as TemplateWorkflow).map((type) => {
      const nodes = definition.nodes.filter((n) => n.credentials?.[type]);
      const ref = nodes.map((n) => n.credentials![type]!).find((r) => r.id);
      return { type, nodes: nodes.map((n) => n.name), chosen: ref ? { id: ref.id!, name: ref.name } : null };
    });
  }

  return {
    library,
    get,
    async list(workspaceId: string, query: { search?: string; category?: string }): Promise<{ data: TemplateSummary[]; categories: string[] }> {
      const own = (await workspaceTemplates(workspaceId)).map(({ id, versions }) => {
        const latest = versions.at(-1)!;
        return { ...summarise({ id, ...latest }, 'workspace'), version: latest.version, updatedAt: latest.at };
      });
      const all = [...own, ...library.map((t) => summarise(t, 'library'))];
      const categories = [...new Set(library.map((t) => t.category))].sort();
      return { data: all.filter((t) => (!query.category || t.category === query.category) && matchesSearch(t, query.search)), categories };
    },

    /** Creates a workflow from a template; `credentials` (type → credential id) are written into its nodes. */
    async use(workspaceId: string, id: string, options: { name?: string; version?: number; credentials?: Record<string, string> }, ctx: RequestContext) {
      const template = await get(workspaceId, id, options.version);
      const input = readWorkflowInput({ ...template.workflow, name: options.name ?? template.name });
      await resolveIncomingCredentials(deps.credentials, workspaceId, [input]);
      await assignCredentials(workspaceId, input.definition, options.credentials ?? {});
      const doc = await deps.workflows.create(workspaceId, input.definition, [], ctx);
      return { workflowId: doc.id, name: doc.name, credentials: credentialNeeds(doc.definition) };
    },

    /** Writes credential choices into a workflow of this workspace (after "use template"). */
    async setCredentials(workspaceId: string, workflowId: string, choices: Record<string, string>, ctx: RequestContext) {
      const doc = await deps.workflows.get(workflowId);
      if (doc.workspaceId !== workspaceId) throw new NotFoundError('Workflow', workflowId);
      const definition = structuredClone(doc.definition);
      if (await assignCredentials(workspaceId, definition, choices)) await deps.workflows.update(workflowId, definition, undefined, ctx);
      return { workflowId, credentials: credentialNeeds(definition) };
    },

    /** Saves a workflow as a workspace template: a new version of the template saved from it before, if any. */
    async saveWorkflow(workspaceId: string, body: { workflowId: string; templateId?: string; name?: string; description?: string; category?: string }, ctx: RequestContext) {
      const doc = await deps.workflows.get(body.workflowId);
      if (doc.workspaceId !== workspaceId || doc.deleted) throw new NotFoundError('Workflow', body.workflowId);
      const existing = await workspaceTemplates(workspaceId);
      const previous = body.templateId
        ? existing.find((t) => t.id === body.templateId)
        : existing.find((t) => t.versions.at(-1)!.sourceWorkflowId === body.workflowId);
      if (body.templateId && !previous) throw new NotFoundError('Template', body.templateId);
      const last = previous?.versions.at(-1);
      return save(workspaceId, previous?.id ?? newEntityId(), {
        name: body.name ?? last?.name ?? doc.name, description: body.description ?? last?.description ?? '', category: body.category ?? last?.category ?? 'This workspace',
        workflow: templateWorkflow(doc.definition), sourceWorkflowId: body.workflowId,
      }, ctx);
    },

    /** Imports n8n template JSON (n8n.io's API shape or a workflow export) as a workspace template. */
    async importN8n(workspaceId: string, body: Record<string, unknown>, ctx: RequestContext) {
      const parts = n8nTemplateParts(body);
      const name = text(parts.name, 'Imported template', 128);
      const { definition } = readWorkflowInput({ ...parts.workflow, name });
      return save(workspaceId, newEntityId(), {
        name, description: text(parts.description, '', 4000), category: text(parts.category, 'Imported', 64), workflow: templateWorkflow(definition),
      }, ctx);
    },

    async delete(workspaceId: string, id: string, ctx: RequestContext): Promise<void> {
      if (library.some((t) => t.id === id)) throw new ValidationError('Built-in templates cannot be deleted', [{ path: 'id', message: 'a built-in template' }]);
      await deps.run(workspaceTemplatesDecider, stream(workspaceId), { type: 'DeleteWorkspaceTemplate', templateId: id }, ctx, { workspaceId, step: `delete:${id}` });
    },
  };
}
