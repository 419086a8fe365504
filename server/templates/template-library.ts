// The built-in template gallery: one JSON file per template under library/, read once at start.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';

export interface TemplateWorkflow {
  nodes: Array<{ name: string; type: string; credentials?: Record<string, { id?: string | null; name: string }> } & Record<string, unknown>>;
  connections: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

/** A library file: the template, plus the sample run its test performs (never served). */
export interface LibraryTemplate {
  id: string;
  name: string;
  description: string;
  category: string;
  workflow: TemplateWorkflow;
  test: {
    /** Pinned output of the trigger (and of nothing that calls outside). */
    pinData?: Record<string, unknown[]>;
    /** Canned answers of the HTTP stand-in by "METHOD host/path". */
    responses?: Record<string, unknown>;
    /** Nodes that must have run and given at least one item. */
    expectOutput: string[];
    /** "METHOD host/path" calls the stand-in must have received. */
    expectCalls?: string[];
  };
}

/** A template as the gallery lists it, built-in or of the workspace. */
export interface TemplateSummary {
  id: string;
  source: 'library' | 'workspace';
  name: string;
  description: string;
  category: string;
  /** Credential types its nodes need, each once. */
  credentials: string[];
  nodeTypes: string[];
  version?: number;
  updatedAt?: string;
}

export const LIBRARY_DIR = join(PROJECT_ROOT, 'server', 'templates', 'library');

export function loadLibrary(dir = LIBRARY_DIR): LibraryTemplate[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<LibraryTemplate, 'id'>), id: f.replace(/\.json$/, '') }));
}

/** The credential types a workflow's nodes refer to, in node order. */
export function credentialTypesOf(workflow: Pick<TemplateWorkflow, 'nodes'>): string[] {
  return [...new Set(workflow.nodes.flatMap((n) => Object.keys(n.credentials ?? {})))];
}

export function summarise(t: { id: string; name: string; description: string; category: string; workflow: { nodes: unknown[] } }, source: TemplateSummary['source']): TemplateSummary {
  const workflow = t.workflow as TemplateWorkflow;
  return {
    id: t.id, source, name: t.name, description: t.description, category: t.category,
    credentials: credentialTypesOf(workflow), nodeTypes: [...new Set(workflow.nodes.map((n) => n.type))],
  };
}

/** Case-insensitive match of every word on name, description, category and node types. */
export function matchesSearch(t: TemplateSummary, search: string | undefined): boolean {
  if (!search) return true;
  const text = `${t.name} ${t.description} ${t.category} ${t.nodeTypes.join(' ')}`.toLowerCase();
  return search.toLowerCase().split(/\s+/).filter(Boolean).every((word) => text.includes(word));
}
