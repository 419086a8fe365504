import { describe, expect, it } from 'vitest';
import { fold, workspaceTemplatesDecider, type WorkspaceTemplateContent, type WorkspaceTemplateEvent } from './index.ts';

const content = (name: string): WorkspaceTemplateContent => ({ name, description: '', category: 'Team', workflow: { nodes: [], connections: {} } });
const given = (...events: WorkspaceTemplateEvent[]) => fold(workspaceTemplatesDecider, events);

describe('workspaceTemplatesDecider', () => {
  it('numbers the versions of a template and keeps every one', () => {
    const first = workspaceTemplatesDecider.decide({ type: 'SaveWorkspaceTemplate', templateId: 't1', content: content('A') }, given());
    expect(first).toEqual([{ type: 'WorkspaceTemplateSaved', data: { templateId: 't1', version: 1, ...content('A') } }]);
    const second = workspaceTemplatesDecider.decide({ type: 'SaveWorkspaceTemplate', templateId: 't1', content: content('B') }, given(...first));
    expect(second[0]!.data).toMatchObject({ version: 2, name: 'B' });
    expect(given(...first, ...second).templates.t1!.map((v) => v.name)).toEqual(['A', 'B']);
  });

  it('deletes only a template that exists', () => {
    const saved = workspaceTemplatesDecider.decide({ type: 'SaveWorkspaceTemplate', templateId: 't1', content: content('A') }, given());
    const deleted = workspaceTemplatesDecider.decide({ type: 'DeleteWorkspaceTemplate', templateId: 't1' }, given(...saved));
    expect(given(...saved, ...deleted).templates).toEqual({});
    expect(() => workspaceTemplatesDecider.decide({ type: 'DeleteWorkspaceTemplate', templateId: 't1' }, given(...saved, ...deleted))).toThrow(/Template/);
  });
});
