// Resolves the credential references of an incoming workflow against the workspace's credentials,
// as n8n does on import: a reference without an id (old exports wrote only the name) gets the id of
// the credential of that type and name; one whose id is not in the workspace is matched by name.
import type { NormalisedChange, WorkflowDefinition } from '../../domain/index.ts';
import type { CredentialService } from './credential-service.ts';

export interface CredentialSummary {
  id: string;
  name: string;
  type: string;
}

/** The credentials a workflow of this workspace can use: its own and those shared with it. */
export async function usableCredentials(service: CredentialService, workspaceId: string): Promise<CredentialSummary[]> {
  const found: CredentialSummary[] = [];
  for (const shared of [false, true]) {
    let cursor: string | undefined;
    do {
      const page = await service.list(workspaceId, shared, 250, cursor);
      found.push(...page.items.map(({ id, name, type }) => ({ id, name, type })));
      cursor = page.nextCursor;
    } while (cursor);
  }
  return found;
}

/** Rewrites references in place (the definition was just parsed) and says what it did. */
export function resolveCredentialReferences(definition: WorkflowDefinition, available: CredentialSummary[], pathPrefix = ''): NormalisedChange[] {
  const changes: NormalisedChange[] = [];
  const byId = new Map(available.map((c) => [c.id, c]));
  definition.nodes.forEach((node, i) => {
    for (const [type, ref] of Object.entries(node.credentials ?? {})) {
      const path = `${pathPrefix}nodes.${i}.credentials.${type}`;
      const known = ref.id ? byId.get(ref.id) : undefined;
      if (known && known.type === type) continue;
      const match = available.find((c) => c.type === type && c.name === ref.name);
      if (match) {
        node.credentials![type] = { ...ref, id: match.id, name: match.name };
        changes.push({ path, message: `resolved by name to the credential '${match.name}' (${match.id})` });
      } else if (!ref.id) {
        changes.push({ path, message: `no ${type} credential named '${ref.name}' in this workspace; choose one in the editor` });
      }
    }
  });
  return changes;
}

/**
 * Resolves the references of every incoming workflow, reading the workspace's credentials once
 * (and not at all when no node has credentials); each item's `changes` gets what was done.
 */
export async function resolveIncomingCredentials(
  service: CredentialService,
  workspaceId: string,
  items: { definition: WorkflowDefinition; changes: NormalisedChange[]; pathPrefix?: string }[],
): Promise<void> {
  if (!items.some((it) => it.definition.nodes.some((n) => n.credentials && Object.keys(n.credentials).length > 0))) return;
  const available = await usableCredentials(service, workspaceId);
  for (const item of items) item.changes.push(...resolveCredentialReferences(item.definition, available, item.pathPrefix));
}
