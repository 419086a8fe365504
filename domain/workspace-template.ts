// Workspace templates (stream `workspacetemplates-<workspaceId>`): workflows a workspace saved or
// imported as templates. Saving a template again adds a version; every save is an event.
import type { Decider } from './decider.ts';
import { NotFoundError } from './errors.ts';

export const WORKSPACE_TEMPLATES_CATEGORY = 'workspacetemplates';

/** What a template holds besides its identity: shown in the gallery and copied on "use". */
export interface WorkspaceTemplateContent {
  name: string;
  description: string;
  category: string;
  /** n8n workflow JSON: nodes, connections, settings (credential references carry names only). */
  workflow: { nodes: unknown[]; connections: Record<string, unknown>; settings?: Record<string, unknown> };
  /** The workflow it was saved from (absent for an import): saving that workflow again adds a version. */
  sourceWorkflowId?: string;
}

export interface WorkspaceTemplateVersion extends WorkspaceTemplateContent {
  version: number;
}

export type WorkspaceTemplateCommand =
  | { type: 'SaveWorkspaceTemplate'; templateId: string; content: WorkspaceTemplateContent }
  | { type: 'DeleteWorkspaceTemplate'; templateId: string };

export type WorkspaceTemplateEvent =
  | { type: 'WorkspaceTemplateSaved'; data: WorkspaceTemplateVersion & { templateId: string } }
  | { type: 'WorkspaceTemplateDeleted'; data: { templateId: string } };

export interface WorkspaceTemplatesState {
  /** Live templates by id, each with every version, oldest first. */
  templates: Record<string, WorkspaceTemplateVersion[]>;
}

export const workspaceTemplatesDecider: Decider<WorkspaceTemplateCommand, WorkspaceTemplateEvent, WorkspaceTemplatesState> = {
  initialState: () => ({ templates: {} }),
  decide(command, state) {
    const versions = state.templates[command.templateId];
    if (command.type === 'DeleteWorkspaceTemplate') {
      if (!versions) throw new NotFoundError('Template', command.templateId);
      return [{ type: 'WorkspaceTemplateDeleted', data: { templateId: command.templateId } }];
    }
    return [{ type: 'WorkspaceTemplateSaved', data: { templateId: command.templateId, version: (versions?.length ?? 0) + 1, ...command.content } }];
  },
  evolve(state, event) {
    const templates = { ...state.templates };
    if (event.type === 'WorkspaceTemplateDeleted') delete templates[event.data.templateId];
    else {
      const { templateId, ...version } = event.data;
      templates[templateId] = [...(templates[templateId] ?? []), version];
    }
    return { templates };
  },
};
