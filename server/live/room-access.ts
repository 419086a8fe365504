// Which rooms a socket may join: the same access check as the REST API, applied to the workflow a
// room is about (a run is readable by whoever may read its workflow, or is a member of its workspace).
import { DEFAULT_WORKSPACE_ID, ENTITY_ID_PATTERN, NotFoundError, ValidationError, type LiveRoom } from '../../domain/index.ts';
import type { ExecutionDoc, WorkflowDoc } from '../../projections/index.ts';
import type { AccessControl } from '../auth/access-control.ts';
import type { Principal } from '../auth/principal.ts';
import type { RunOwners } from './run-owners.ts';

export type RoomTarget =
  | { kind: 'workflow'; room: LiveRoom; workflowId: string }
  | { kind: 'execution'; room: LiveRoom; workflowId: string; executionId: string }
  | { kind: 'bulkReplay'; room: LiveRoom; workflowId: string; bulkReplayId: string }
  | { kind: 'workflowBulkReplays'; room: LiveRoom; workflowId: string };

export interface RoomAccess {
  /** Resolves a room the principal may read; throws NotFoundError for anything else. */
  resolve(principal: Principal, room: string): Promise<RoomTarget>;
}

export function createRoomAccess(deps: {
  access: AccessControl;
  owners: RunOwners;
  findWorkflow: (id: string) => Promise<WorkflowDoc | undefined>;
  findExecution: (id: string) => Promise<ExecutionDoc | undefined>;
  findBulkReplay: (id: string) => Promise<{ workflowId: string; workspaceId: string } | undefined>;
  /** How long to wait for the first event of a run that was accepted a moment ago. */
  newRunWaitMs: number;
}): RoomAccess {
  const { access, owners } = deps;

  /** A run id comes from the API answer, possibly before its first event is stored: wait a little. */
  async function ownerOf(executionId: string) {
    const deadline = Date.now() + deps.newRunWaitMs;
    for (;;) {
      const owner = await owners.get(executionId);
      if (owner || Date.now() >= deadline) return owner;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    async resolve(principal, room) {
      const match = /^(workflow|execution|bulkreplay|bulkreplays):(.*)$/.exec(room);
      if (!match || !ENTITY_ID_PATTERN.test(match[2])) {
        throw new ValidationError("A room is 'workflow:<id>', 'execution:<id>', 'bulkreplay:<id>' or 'bulkreplays:<workflowId>'", [{ path: 'room', message: 'invalid' }]);
      }
      const [, kind, id] = match;
      // Bulk replays stay in their workspace, like GET /api/v1/bulk-replays/:id: sharing the workflow does not share them.
      if (kind === 'bulkreplay') {
        const owner = await deps.findBulkReplay(id);
        await access.authorize(principal, owner && { workspaceId: owner.workspaceId, sharedWith: [] }, 'read', 'Bulk replay', id);
        return { kind: 'bulkReplay', room: room as LiveRoom, workflowId: owner!.workflowId, bulkReplayId: id };
      }
      if (kind === 'bulkreplays') {
        const workflow = await deps.findWorkflow(id);
        await access.authorize(principal, workflow && { workspaceId: workflow.workspaceId, sharedWith: [] }, 'read', 'Workflow', id);
        return { kind: 'workflowBulkReplays', room: room as LiveRoom, workflowId: id };
      }
      if (kind === 'workflow') {
        const workflow = await deps.findWorkflow(id);
        await access.authorize(principal, workflow && { workspaceId: workflow.workspaceId, sharedWith: workflow.sharedWith }, 'read', 'Workflow', id);
        return { kind, room: room as LiveRoom, workflowId: id };
      }
      const owner = await ownerOf(id);
      if (!owner || (await deps.findExecution(id))?.deleted) throw new NotFoundError('Execution', id);
      const workflow = await deps.findWorkflow(owner.workflowId);
      const sharedWith = workflow && workflow.workspaceId === owner.workspaceId ? workflow.sharedWith : [];
      await access.authorize(principal, { workspaceId: owner.workspaceId ?? DEFAULT_WORKSPACE_ID, sharedWith }, 'read', 'Execution', id);
      return { kind: 'execution', room: room as LiveRoom, workflowId: owner.workflowId, executionId: id };
    },
  };
}
